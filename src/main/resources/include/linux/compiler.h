/* spinlab's model of <linux/compiler.h>: annotations (mostly empty here) and access helpers. */
#ifndef _SPINLAB_LINUX_COMPILER_H
#define _SPINLAB_LINUX_COMPILER_H

/* sparse address-space annotations: no meaning to the simulator. */
#define __user
#define __kernel
#define __iomem
#define __force
#define __rcu
#define __percpu

#define __must_check
#define __maybe_unused
#define __used
#define __always_inline inline
#define noinline
#define __cold
#define notrace

/* gcc's variable attribute: fn(&var) runs when var goes out of scope (<linux/cleanup.h>) */
#define __cleanup(func) __attribute__((__cleanup__(func)))

/* token pasting after expansion, and a name unique in the file (compiler_types.h) */
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* layout attributes (the kernel's compiler_attributes.h): the front end applies them */
#define __packed __attribute__((__packed__))
#define __aligned(x) __attribute__((__aligned__(x)))

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* A compiler barrier: the interpreter never reorders, but keeps the call as a hook. */
/* a compiler barrier: every access of the model is already a real, ordered memory access */
#define barrier() do { } while (0)

/*
 * A switch case that goes on into the next on purpose (include/linux/compiler_attributes.h:
 * the statement attribute, or an empty statement where the compiler has none, as here).
 */
#define fallthrough do {} while (0)

/*
 * Marked accesses: the kernel's are volatile, which KCSAN takes as atomic (aligned, at most 8
 * bytes), so READ_ONCE/WRITE_ONCE pairs are never a data race. The model's compiler has no
 * volatile; __spinlab_once(x) is x with its load or store marked instead. The value of
 * WRITE_ONCE is void, as the kernel's (a statement there).
 */
#define READ_ONCE(x) (__spinlab_once(x))
#define WRITE_ONCE(x, val) ((void)(__spinlab_once(x) = (val)))

#endif
