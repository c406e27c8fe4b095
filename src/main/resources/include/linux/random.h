/*
 * spinlab's model of <linux/random.h> (implementation in drivers/char/random.c): the kernel's
 * random numbers. The model's generator is deterministic (xorshift64* from a fixed seed), so
 * a run prints the same numbers every time, as every spinlab run is reproducible.
 */
#ifndef _SPINLAB_LINUX_RANDOM_H
#define _SPINLAB_LINUX_RANDOM_H

#include <linux/types.h>

void get_random_bytes(void *buf, size_t len);
u64 get_random_u64(void);
u32 get_random_u32(void);
u32 __get_random_u32_below(u32 ceil);

static inline u16 get_random_u16(void)
{
    return (u16)get_random_u32();
}

static inline u8 get_random_u8(void)
{
    return (u8)get_random_u32();
}

static inline unsigned long get_random_long(void)
{
    return get_random_u64();
}

/* a number in [0, ceil): ceil must not be 0 */
static inline u32 get_random_u32_below(u32 ceil)
{
    return __get_random_u32_below(ceil);
}

/* a number in (floor, U32_MAX] and in [floor, ceil] */
static inline u32 get_random_u32_above(u32 floor)
{
    return floor + 1 + get_random_u32_below(0xffffffffU - floor);
}

static inline u32 get_random_u32_inclusive(u32 floor, u32 ceil)
{
    return floor + get_random_u32_below(ceil - floor + 1);
}

#define prandom_u32_max(ceil) get_random_u32_below(ceil)

#endif
