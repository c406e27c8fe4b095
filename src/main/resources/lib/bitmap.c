/* spinlab's model of lib/bitmap.c: whole-bitmap operations, a bit at a time (the model is small). */
#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/slab.h>

void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
    memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++)
        __set_bit(i, dst);
}

void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
    memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static void put_bit(unsigned long *dst, unsigned int i, int v)
{
    if (v)
        __set_bit(i, dst);
    else
        __clear_bit(i, dst);
}

bool bitmap_and(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;
    bool any = false;

    for (i = 0; i < nbits; i++) {
        int v = test_bit(i, src1) && test_bit(i, src2);
        put_bit(dst, i, v);
        any |= v;
    }
    return any;
}

void bitmap_or(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++)
        put_bit(dst, i, test_bit(i, src1) || test_bit(i, src2));
}

void bitmap_xor(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++)
        put_bit(dst, i, test_bit(i, src1) != test_bit(i, src2));
}

bool bitmap_andnot(unsigned long *dst, const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;
    bool any = false;

    for (i = 0; i < nbits; i++) {
        int v = test_bit(i, src1) && !test_bit(i, src2);
        put_bit(dst, i, v);
        any |= v;
    }
    return any;
}

void bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++)
        put_bit(dst, i, !test_bit(i, src));
}

bool bitmap_equal(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++) {
        if (test_bit(i, src1) != test_bit(i, src2))
            return false;
    }
    return true;
}

bool bitmap_intersects(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++) {
        if (test_bit(i, src1) && test_bit(i, src2))
            return true;
    }
    return false;
}

bool bitmap_subset(const unsigned long *src1, const unsigned long *src2, unsigned int nbits)
{
    unsigned int i;

    for (i = 0; i < nbits; i++) {
        if (test_bit(i, src1) && !test_bit(i, src2))
            return false;
    }
    return true;
}

bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
    return find_first_bit(src, nbits) >= nbits;
}

bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
    return find_first_zero_bit(src, nbits) >= nbits;
}

unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
    unsigned int i, w = 0;

    for (i = 0; i < nbits; i++)
        w += test_bit(i, src);
    return w;
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int len)
{
    unsigned int i;

    for (i = start; i < start + len; i++)
        __set_bit(i, map);
}

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len)
{
    unsigned int i;

    for (i = start; i < start + len; i++)
        __clear_bit(i, map);
}

unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size, unsigned long start,
                                         unsigned int nr, unsigned long align_mask)
{
    unsigned long index, end, i;

    for (;;) {
        index = find_next_zero_bit(map, size, start);
        index = (index + align_mask) & ~align_mask;
        end = index + nr;
        if (end > size)
            return end;
        i = find_next_bit(map, end, index);
        if (i >= end)
            return index;
        start = i + 1;
    }
}

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
    return kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
    return bitmap_alloc(nbits, flags | __GFP_ZERO);
}

void bitmap_free(const unsigned long *bitmap)
{
    kfree(bitmap);
}
