/* spinlab's model of <linux/overflow.h>: size arithmetic that saturates instead of wrapping. */
#ifndef _SPINLAB_LINUX_OVERFLOW_H
#define _SPINLAB_LINUX_OVERFLOW_H

#include <linux/types.h>
#include <linux/limits.h>

#ifndef SIZE_MAX
#define SIZE_MAX ULONG_MAX
#endif

static inline size_t size_mul(size_t factor1, size_t factor2)
{
    if (factor1 != 0 && factor2 > SIZE_MAX / factor1)
        return SIZE_MAX;
    return factor1 * factor2;
}

static inline size_t size_add(size_t addend1, size_t addend2)
{
    if (addend1 > SIZE_MAX - addend2)
        return SIZE_MAX;
    return addend1 + addend2;
}

#define array_size(a, b) size_mul((a), (b))
#define array3_size(a, b, c) size_mul(size_mul((a), (b)), (c))
#define struct_size(p, member, count) \
    size_add(sizeof(*(p)), size_mul(sizeof(*(p)->member), (count)))

#endif
