/*
 * spinlab's model of <linux/bitops.h> with arch/arm/lib/bitops.h: atomic bit operations on
 * bitmaps of unsigned long, done ARM's way on the 32-bit word that holds the bit, with an
 * ldrex/strex retry loop (the model is little-endian, so bit nr of a long bitmap is bit nr % 32
 * of 32-bit word nr / 32). The test_and_ variants are fully ordered, as in the kernel.
 */
#ifndef _SPINLAB_LINUX_BITOPS_H
#define _SPINLAB_LINUX_BITOPS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>

#define BITS_PER_LONG 64
#define BIT(nr) (1UL << (nr))
#define BIT_MASK(nr) (1UL << ((nr) % BITS_PER_LONG))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)

static inline volatile u32 *__bitop_word(long nr, volatile unsigned long *addr)
{
    return (volatile u32 *)addr + (nr >> 5);
}

static inline void set_bit(long nr, volatile unsigned long *addr)
{
    volatile u32 *p = __bitop_word(nr, addr);
    u32 mask = 1U << (nr & 31);
    u32 v;
    do {
        v = __ldrex(p);
    } while (__strex(v | mask, p));
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
    volatile u32 *p = __bitop_word(nr, addr);
    u32 mask = 1U << (nr & 31);
    u32 v;
    do {
        v = __ldrex(p);
    } while (__strex(v & ~mask, p));
}

static inline void change_bit(long nr, volatile unsigned long *addr)
{
    volatile u32 *p = __bitop_word(nr, addr);
    u32 mask = 1U << (nr & 31);
    u32 v;
    do {
        v = __ldrex(p);
    } while (__strex(v ^ mask, p));
}

static inline int test_and_set_bit(long nr, volatile unsigned long *addr)
{
    volatile u32 *p = __bitop_word(nr, addr);
    u32 mask = 1U << (nr & 31);
    u32 v;
    smp_mb();
    do {
        v = __ldrex(p);
    } while (__strex(v | mask, p));
    smp_mb();
    return (v & mask) != 0;
}

static inline int test_and_clear_bit(long nr, volatile unsigned long *addr)
{
    volatile u32 *p = __bitop_word(nr, addr);
    u32 mask = 1U << (nr & 31);
    u32 v;
    smp_mb();
    do {
        v = __ldrex(p);
    } while (__strex(v & ~mask, p));
    smp_mb();
    return (v & mask) != 0;
}

static inline int test_bit(long nr, const volatile unsigned long *addr)
{
    return (addr[BIT_WORD(nr)] >> (nr % BITS_PER_LONG)) & 1;
}

/* Non-atomic variants: the caller excludes other writers. */
static inline void __set_bit(long nr, volatile unsigned long *addr)
{
    addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(long nr, volatile unsigned long *addr)
{
    addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline void __change_bit(long nr, volatile unsigned long *addr)
{
    addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}

static inline int test_and_change_bit(long nr, volatile unsigned long *addr)
{
    volatile u32 *p = __bitop_word(nr, addr);
    u32 mask = 1U << (nr & 31);
    u32 v;
    smp_mb();
    do {
        v = __ldrex(p);
    } while (__strex(v ^ mask, p));
    smp_mb();
    return (v & mask) != 0;
}

static inline int __test_and_set_bit(long nr, volatile unsigned long *addr)
{
    int old = test_bit(nr, addr);
    __set_bit(nr, addr);
    return old;
}

static inline int __test_and_clear_bit(long nr, volatile unsigned long *addr)
{
    int old = test_bit(nr, addr);
    __clear_bit(nr, addr);
    return old;
}

static inline int __test_and_change_bit(long nr, volatile unsigned long *addr)
{
    int old = test_bit(nr, addr);
    __change_bit(nr, addr);
    return old;
}

/* the lock bit helpers of include/asm-generic/bitops/lock.h */
#define test_and_set_bit_lock(nr, addr) test_and_set_bit((nr), (addr))
#define clear_bit_unlock(nr, addr) do { smp_mb(); clear_bit((nr), (addr)); } while (0)
#define __clear_bit_unlock(nr, addr) clear_bit_unlock((nr), (addr))

#define BITS_PER_BYTE 8
#define BITS_PER_TYPE(type) (sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr) (((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define BITS_TO_U32(nr) (((nr) + 31) / 32)
#define BITS_TO_BYTES(nr) (((nr) + 7) / 8)
#define GENMASK(h, l) (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define GENMASK_ULL(h, l) (((~0ULL) - (1ULL << (l)) + 1) & (~0ULL >> (63 - (h))))
#define BIT_ULL(nr) (1ULL << (nr))

/* find first/last set bit: ffs/fls count from 1 (0: none); __ffs/__fls from 0 (undefined for 0) */
static inline int fls64(u64 x)
{
    int r = 64;

    if (!x)
        return 0;
    while (!(x & (1ULL << 63))) {
        x <<= 1;
        r--;
    }
    return r;
}

static inline int fls(unsigned int x)
{
    return fls64(x);
}

static inline unsigned long __fls(unsigned long word)
{
    return fls64(word) - 1;
}

static inline unsigned long __ffs(unsigned long word)
{
    unsigned long n = 0;

    while (!(word & 1UL)) {
        word >>= 1;
        n++;
    }
    return n;
}

static inline int ffs(int x)
{
    if (!x)
        return 0;
    return __ffs((unsigned int)x) + 1;
}

#define ffz(x) __ffs(~(x))

static inline unsigned int fls_long(unsigned long l)
{
    return fls64(l);
}

/* the order of the smallest power of two at least count (include/linux/bitops.h); -1 for 0 */
static inline int get_count_order(unsigned int count)
{
    if (count == 0)
        return -1;
    return fls(--count);
}

static inline int get_count_order_long(unsigned long l)
{
    if (l == 0UL)
        return -1;
    return (int)fls_long(--l);
}

static inline unsigned int hweight64(u64 w)
{
    unsigned int n = 0;

    while (w) {
        w &= w - 1;
        n++;
    }
    return n;
}

#define hweight32(w) hweight64((u32)(w))
#define hweight16(w) hweight64((u16)(w))
#define hweight8(w) hweight64((u8)(w))
#define hweight_long(w) hweight64((unsigned long)(w))

/* lib/find_bit.c: the first set (or zero) bit at or after offset, or size if none */
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
unsigned long find_last_bit(const unsigned long *addr, unsigned long size);
#define find_first_bit(addr, size) find_next_bit((addr), (size), 0)
#define find_first_zero_bit(addr, size) find_next_zero_bit((addr), (size), 0)

#define for_each_set_bit(bit, addr, size) \
    for ((bit) = find_next_bit((addr), (size), 0); (bit) < (size); (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_set_bit_from(bit, addr, size) \
    for ((bit) = find_next_bit((addr), (size), (bit)); (bit) < (size); (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size) \
    for ((bit) = find_next_zero_bit((addr), (size), 0); (bit) < (size); (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif
