/* spinlab's model of <linux/time64.h> and <vdso/time64.h>: 64-bit time and its units. */
#ifndef _SPINLAB_LINUX_TIME64_H
#define _SPINLAB_LINUX_TIME64_H

#include <linux/types.h>
#include <linux/limits.h>
#include <linux/math64.h>

typedef s64 time64_t;
typedef u64 timeu64_t;

#define MSEC_PER_SEC 1000L
#define USEC_PER_MSEC 1000L
#define NSEC_PER_USEC 1000L
#define NSEC_PER_MSEC 1000000L
#define USEC_PER_SEC 1000000L
#define NSEC_PER_SEC 1000000000L
#define PSEC_PER_SEC 1000000000000LL
#define FSEC_PER_SEC 1000000000000000LL

#define TIME64_MAX ((s64)~((u64)1 << 63))
#define TIME64_MIN (-TIME64_MAX - 1)
#define KTIME_MAX ((s64)~((u64)1 << 63))
#define KTIME_SEC_MAX (KTIME_MAX / NSEC_PER_SEC)

struct timespec64 {
    time64_t tv_sec;     /* seconds */
    long tv_nsec;        /* nanoseconds */
};

struct itimerspec64 {
    struct timespec64 it_interval;
    struct timespec64 it_value;
};

static inline int timespec64_equal(const struct timespec64 *a, const struct timespec64 *b)
{
    return (a->tv_sec == b->tv_sec) && (a->tv_nsec == b->tv_nsec);
}

static inline int timespec64_compare(const struct timespec64 *lhs, const struct timespec64 *rhs)
{
    if (lhs->tv_sec < rhs->tv_sec)
        return -1;
    if (lhs->tv_sec > rhs->tv_sec)
        return 1;
    return lhs->tv_nsec - rhs->tv_nsec;
}

static inline bool timespec64_valid(const struct timespec64 *ts)
{
    if (ts->tv_sec < 0)
        return false;
    if ((unsigned long)ts->tv_nsec >= NSEC_PER_SEC)
        return false;
    return true;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
    return ((s64)ts->tv_sec * NSEC_PER_SEC) + ts->tv_nsec;
}

/* kernel/time/time.c */
void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec);
struct timespec64 ns_to_timespec64(s64 nsec);

static inline struct timespec64 timespec64_add(struct timespec64 lhs, struct timespec64 rhs)
{
    struct timespec64 ts_delta;

    set_normalized_timespec64(&ts_delta, lhs.tv_sec + rhs.tv_sec, lhs.tv_nsec + rhs.tv_nsec);
    return ts_delta;
}

static inline struct timespec64 timespec64_sub(struct timespec64 lhs, struct timespec64 rhs)
{
    struct timespec64 ts_delta;

    set_normalized_timespec64(&ts_delta, lhs.tv_sec - rhs.tv_sec, lhs.tv_nsec - rhs.tv_nsec);
    return ts_delta;
}

#endif
