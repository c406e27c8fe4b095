/* spinlab's model of kernel/time/time.c and posix-timers: the clocks user programs read. */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

/* The machine's clock (ktime_get_ns): nanoseconds since boot; the wall clock starts at 0 too. */

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

struct __kernel_timespec {
    long tv_sec;
    long tv_nsec;
};

struct __kernel_old_timeval_ {
    long tv_sec;
    long tv_usec;
};

long __x64_sys_clock_gettime(long which_clock, long tp, long unused)
{
    struct __kernel_timespec ts;
    u64 ns;
    if (which_clock != CLOCK_REALTIME && which_clock != CLOCK_MONOTONIC)
        return -EINVAL;
    ns = ktime_get_ns();
    ts.tv_sec = ns / NSEC_PER_SEC;
    ts.tv_nsec = ns % NSEC_PER_SEC;
    if (copy_to_user((void *)tp, &ts, sizeof(ts)))
        return -EFAULT;
    return 0;
}

long __x64_sys_gettimeofday(long tv, long tz, long unused)
{
    struct __kernel_old_timeval_ t;
    u64 ns = ktime_get_ns();
    if (tv) {
        t.tv_sec = ns / NSEC_PER_SEC;
        t.tv_usec = (ns % NSEC_PER_SEC) / 1000;
        if (copy_to_user((void *)tv, &t, sizeof(t)))
            return -EFAULT;
    }
    return 0;
}

/* ---- conversions (kernel/time/time.c; msecs_to_jiffies/jiffies_to_msecs are in timer.c) ---- */

unsigned long usecs_to_jiffies(unsigned int u)
{
    return (u + (USEC_PER_SEC / HZ) - 1) / (USEC_PER_SEC / HZ);
}

unsigned int jiffies_to_usecs(unsigned long j)
{
    return (USEC_PER_SEC / HZ) * j;
}

u64 jiffies_to_nsecs(unsigned long j)
{
    return (u64)j * TICK_NSEC;
}

u64 jiffies64_to_nsecs(u64 j)
{
    return j * TICK_NSEC;
}

u64 jiffies64_to_msecs(u64 j)
{
    return j * (MSEC_PER_SEC / HZ);
}

u64 nsecs_to_jiffies64(u64 n)
{
    return n / (NSEC_PER_SEC / HZ);
}

unsigned long nsecs_to_jiffies(u64 n)
{
    return (unsigned long)nsecs_to_jiffies64(n);
}

clock_t jiffies_to_clock_t(unsigned long x)
{
    return x / (HZ / USER_HZ);
}

/* kernel/time/timer.c: round_jiffies*() round to a whole second (so timers batch) */
static unsigned long round_jiffies_common(unsigned long j, bool force_up)
{
    unsigned long original = j;
    int rem = j % HZ;

    if (rem < HZ / 4 && !force_up)
        j = j - rem;
    else
        j = j - rem + HZ;
    if (time_is_after_jiffies(j))
        return j;
    return original;
}

unsigned long round_jiffies(unsigned long j)
{
    return round_jiffies_common(j, false);
}

unsigned long round_jiffies_relative(unsigned long j)
{
    unsigned long j0 = jiffies;

    return round_jiffies_common(j + j0, false) - j0;
}

unsigned long round_jiffies_up(unsigned long j)
{
    return round_jiffies_common(j, true);
}

unsigned long round_jiffies_up_relative(unsigned long j)
{
    unsigned long j0 = jiffies;

    return round_jiffies_common(j + j0, true) - j0;
}

/* nanoseconds to seconds and nanoseconds, the nanoseconds never negative */
struct timespec64 ns_to_timespec64(s64 nsec)
{
    struct timespec64 ts = { 0, 0 };
    s64 rem;

    if (!nsec)
        return ts;
    ts.tv_sec = nsec / NSEC_PER_SEC;
    rem = nsec % NSEC_PER_SEC;
    if (rem < 0) {
        ts.tv_sec--;
        rem += NSEC_PER_SEC;
    }
    ts.tv_nsec = rem;
    return ts;
}

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec)
{
    while (nsec >= NSEC_PER_SEC) {
        nsec -= NSEC_PER_SEC;
        ++sec;
    }
    while (nsec < 0) {
        nsec += NSEC_PER_SEC;
        --sec;
    }
    ts->tv_sec = sec;
    ts->tv_nsec = nsec;
}
