/* spinlab's model of lib/find_bit.c: searching bitmaps a word at a time. */
#include <linux/kernel.h>
#include <linux/bitops.h>

static unsigned long find_next(const unsigned long *addr, unsigned long size, unsigned long start,
                               unsigned long invert)
{
    unsigned long tmp;

    if (start >= size)
        return size;
    tmp = addr[start / BITS_PER_LONG] ^ invert;
    tmp &= ~0UL << (start & (BITS_PER_LONG - 1));
    start = start & ~(BITS_PER_LONG - 1);
    while (!tmp) {
        start += BITS_PER_LONG;
        if (start >= size)
            return size;
        tmp = addr[start / BITS_PER_LONG] ^ invert;
    }
    start += __ffs(tmp);
    return start < size ? start : size;
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
    return find_next(addr, size, offset, 0UL);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
    return find_next(addr, size, offset, ~0UL);
}

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
    unsigned long i = size;

    while (i > 0) {
        i--;
        if (test_bit(i, addr))
            return i;
    }
    return size;
}
