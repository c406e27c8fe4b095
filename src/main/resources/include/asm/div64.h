/*
 * spinlab's model of <asm/div64.h> (include/asm-generic/div64.h): do_div(n, base) divides the
 * 64-bit n by the 32-bit base in place and yields the 32-bit remainder. It is a macro that
 * assigns to n, as the kernel's is, so n must be an unsigned 64-bit lvalue.
 */
#ifndef _SPINLAB_ASM_DIV64_H
#define _SPINLAB_ASM_DIV64_H

#include <linux/types.h>

#define do_div(n, base) ({ \
    u32 __div_base = (base); \
    u32 __div_rem = (u32)((u64)(n) % __div_base); \
    (n) = (u64)(n) / __div_base; \
    __div_rem; \
})

#endif
