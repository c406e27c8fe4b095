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

#endif
