/* spinlab's model of <linux/build_bug.h>: assertions checked when the file is compiled. */
#ifndef _SPINLAB_LINUX_BUILD_BUG_H
#define _SPINLAB_LINUX_BUILD_BUG_H

#include <linux/compiler.h>

/*
 * The kernel's versions call a function declared with __attribute__((error(msg))) that the
 * optimiser removes when the condition is false; here the condition must be an integer
 * constant expression and a C11 static assertion carries the kernel's message.
 */
#define BUILD_BUG_ON_MSG(cond, msg) do { _Static_assert(!(cond), msg); } while (0)
#define BUILD_BUG_ON(condition) BUILD_BUG_ON_MSG(condition, "BUILD_BUG_ON failed: " #condition)
#define BUILD_BUG() BUILD_BUG_ON_MSG(1, "BUILD_BUG failed")
#define BUILD_BUG_ON_NOT_POWER_OF_2(n) BUILD_BUG_ON((n) == 0 || (((n) & ((n) - 1)) != 0))

/* 0 when e is false, a compile error (a bit-field of negative width) when it is true. */
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))

/* static_assert(expr) or static_assert(expr, "message"), as <linux/build_bug.h> defines it. */
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif
