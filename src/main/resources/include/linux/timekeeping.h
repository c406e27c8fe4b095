/*
 * spinlab's model of <linux/timekeeping.h> (kernel/time/timekeeping.c): the clocks. All of
 * them read the machine's clock, nanoseconds since boot; the model's wall clock (REALTIME)
 * starts at 0 at boot too, and nothing sets it.
 */
#ifndef _SPINLAB_LINUX_TIMEKEEPING_H
#define _SPINLAB_LINUX_TIMEKEEPING_H

#include <linux/types.h>
#include <linux/time64.h>
#include <linux/ktime.h>

ktime_t ktime_get(void);
ktime_t ktime_get_real(void);
ktime_t ktime_get_boottime(void);
ktime_t ktime_get_raw(void);
ktime_t ktime_get_coarse(void);
time64_t ktime_get_seconds(void);
time64_t ktime_get_real_seconds(void);
void ktime_get_ts64(struct timespec64 *ts);
void ktime_get_real_ts64(struct timespec64 *tv);
void ktime_get_boottime_ts64(struct timespec64 *ts);
void ktime_get_raw_ts64(struct timespec64 *ts);
void ktime_get_coarse_real_ts64(struct timespec64 *ts);
void ktime_get_coarse_ts64(struct timespec64 *ts);

/* the machine's clock read directly (a primitive), as the kernel's inline accessors do */
#define ktime_get_ns() local_clock()
#define ktime_get_real_ns() ((u64)local_clock())
#define ktime_get_boottime_ns() ((u64)local_clock())
#define ktime_get_raw_ns() ((u64)local_clock())
#define ktime_get_mono_fast_ns() ((u64)local_clock())
#define ktime_get_boot_fast_ns() ((u64)local_clock())
#define ktime_get_real_fast_ns() ((u64)local_clock())
#define ktime_get_coarse_ns() ((u64)local_clock())
#define ktime_get_clocktai_ns() ((u64)local_clock())
#define ktime_get_coarse_real_ns() ((u64)local_clock())

#endif
