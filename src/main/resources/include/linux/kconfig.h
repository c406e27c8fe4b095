/*
 * spinlab's model of <linux/kconfig.h>, read before every module as the kernel's build does
 * (-include include/linux/kconfig.h): the generated CONFIG_* values and the macros that test
 * them. A bool option is defined to 1 when y; a tristate built as a module gets
 * CONFIG_FOO_MODULE (the model builds none); an option that is off is not defined at all.
 */
#ifndef _SPINLAB_LINUX_KCONFIG_H
#define _SPINLAB_LINUX_KCONFIG_H

#include <generated/autoconf.h>

/*
 * __is_defined(CONFIG_X) is 1 when CONFIG_X is defined to 1 and 0 otherwise (undefined, or
 * any other value), usable in #if and in C expressions: a defined option turns the
 * placeholder into "0," so that the second argument taken is 1.
 */
#define __SPINLAB_ARG_PLACEHOLDER_1 0,
#define __spinlab_second_arg(ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__SPINLAB_ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __spinlab_second_arg(arg1_or_junk 1, 0)
#define __or(x, y) ___or(x, y)
#define ___or(x, y) ____or(__SPINLAB_ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y) __spinlab_second_arg(arg1_or_junk 1, y)
#define __and(x, y) ___and(x, y)
#define ___and(x, y) ____and(__SPINLAB_ARG_PLACEHOLDER_##x, y)
#define ____and(arg1_or_junk, y) __spinlab_second_arg(arg1_or_junk y, 0)

/* y: built in; m: a module (CONFIG_X_MODULE); either: IS_ENABLED. */
#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))
/* Reachable from the code being compiled: built in, or a module when this is a module too. */
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), __and(IS_MODULE(option), __is_defined(MODULE)))

#endif
