/*
 * spinlab's model of <linux/math64.h>: 64-bit division and multiplication helpers. The model's
 * machine divides 64-bit values natively (as 64-bit architectures do: the kernel's own
 * versions there are plain C division), so each is the C expression; the remainder forms
 * store through their pointer. A division by zero is the machine's, as in the kernel.
 */
#ifndef _SPINLAB_LINUX_MATH64_H
#define _SPINLAB_LINUX_MATH64_H

#include <linux/types.h>
#include <asm/div64.h>

static inline u64 div_u64_rem(u64 dividend, u32 divisor, u32 *remainder)
{
    *remainder = dividend % divisor;
    return dividend / divisor;
}

static inline s64 div_s64_rem(s64 dividend, s32 divisor, s32 *remainder)
{
    *remainder = dividend % divisor;
    return dividend / divisor;
}

static inline u64 div64_u64_rem(u64 dividend, u64 divisor, u64 *remainder)
{
    *remainder = dividend % divisor;
    return dividend / divisor;
}

static inline u64 div_u64(u64 dividend, u32 divisor)
{
    return dividend / divisor;
}

static inline s64 div_s64(s64 dividend, s32 divisor)
{
    return dividend / divisor;
}

static inline u64 div64_u64(u64 dividend, u64 divisor)
{
    return dividend / divisor;
}

static inline s64 div64_s64(s64 dividend, s64 divisor)
{
    return dividend / divisor;
}

#define div64_ul(x, y) div64_u64((x), (y))
#define div64_long(x, y) div64_s64((x), (y))

/*
 * (a * mul) >> shift of a 96-bit product, exactly: with a = ah * 2^32 + al the product is
 * (ah * mul) * 2^32 + al * mul, each part a 64-bit product.
 */
static inline u64 mul_u64_u32_shr(u64 a, u32 mul, unsigned int shift)
{
    u64 lo = (a & 0xffffffffULL) * mul;
    u64 hi = (a >> 32) * mul;
    if (shift <= 32)
        return (lo >> shift) + (hi << (32 - shift));
    return (hi + (lo >> 32)) >> (shift - 32);
}

#define DIV64_U64_ROUND_UP(ll, d) ({ u64 __d = (d); div64_u64((ll) + __d - 1, __d); })
#define DIV_U64_ROUND_CLOSEST(dividend, divisor) ({ u32 __d = (divisor); div_u64((dividend) + (__d / 2), __d); })

#endif
