/* spinlab's model of <linux/log2.h>: integer logarithms and powers of two. */
#ifndef _SPINLAB_LINUX_LOG2_H
#define _SPINLAB_LINUX_LOG2_H

#include <linux/types.h>
#include <linux/bitops.h>

static inline bool is_power_of_2(unsigned long n)
{
    return (n != 0 && ((n & (n - 1)) == 0));
}

static inline int ilog2(unsigned long n)
{
    return fls64(n) - 1;
}

static inline unsigned long roundup_pow_of_two(unsigned long n)
{
    return 1UL << fls64(n - 1);
}

static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
    return 1UL << (fls64(n) - 1);
}

static inline int order_base_2(unsigned long n)
{
    return n > 1 ? ilog2(n - 1) + 1 : 0;
}

#endif
