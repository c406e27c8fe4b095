/* spinlab's model of kernel/time/time.c and posix-timers: the clocks user programs read. */
#include <linux/kernel.h>
#include <linux/jiffies.h>
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
