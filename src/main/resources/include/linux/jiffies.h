/* spinlab's model of <linux/jiffies.h>: the tick counter (HZ = 100) and conversions (kernel/time/time.c). */
#ifndef _SPINLAB_LINUX_JIFFIES_H
#define _SPINLAB_LINUX_JIFFIES_H

#include <linux/types.h>
#include <linux/time64.h>

#define HZ 100
#define USER_HZ 100
#define TICK_NSEC (NSEC_PER_SEC / HZ)

/* 64-bit: jiffies is jiffies_64 (the kernel aliases them in the linker script) */
extern volatile unsigned long jiffies;
#define jiffies_64 jiffies

static inline u64 get_jiffies_64(void)
{
    return (u64)jiffies;
}

#define MAX_JIFFY_OFFSET ((LONG_MAX >> 1) - 1)

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)
#define time_before_eq(a, b) time_after_eq(b, a)
#define time_in_range(a, b, c) (time_after_eq(a, b) && time_before_eq(a, c))
#define time_in_range_open(a, b, c) (time_after_eq(a, b) && time_before(a, c))
#define time_after64(a, b) ((s64)((b) - (a)) < 0)
#define time_before64(a, b) time_after64(b, a)
#define time_after_eq64(a, b) ((s64)((a) - (b)) >= 0)
#define time_before_eq64(a, b) time_after_eq64(b, a)
#define time_is_before_jiffies(a) time_after(jiffies, a)
#define time_is_after_jiffies(a) time_before(jiffies, a)
#define time_is_before_eq_jiffies(a) time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a) time_before_eq(jiffies, a)

unsigned long msecs_to_jiffies(unsigned int m);
unsigned int jiffies_to_msecs(unsigned long j);
unsigned long usecs_to_jiffies(unsigned int u);
unsigned int jiffies_to_usecs(unsigned long j);
u64 jiffies_to_nsecs(unsigned long j);
u64 jiffies64_to_nsecs(u64 j);
u64 jiffies64_to_msecs(u64 j);
unsigned long nsecs_to_jiffies(u64 n);
u64 nsecs_to_jiffies64(u64 n);
clock_t jiffies_to_clock_t(unsigned long x);
unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
unsigned long round_jiffies_up(unsigned long j);
unsigned long round_jiffies_up_relative(unsigned long j);

/* The machine's clock (intrinsic): simulated nanoseconds since boot. */
unsigned long local_clock(void);

#endif
