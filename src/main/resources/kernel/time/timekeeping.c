/* spinlab's model of kernel/time/timekeeping.c: every clock reads the machine's clock (ns since boot). */
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>

ktime_t ktime_get(void)
{
    return local_clock();
}

ktime_t ktime_get_real(void)
{
    return local_clock();
}

ktime_t ktime_get_boottime(void)
{
    return local_clock();
}

ktime_t ktime_get_raw(void)
{
    return local_clock();
}

ktime_t ktime_get_coarse(void)
{
    return local_clock();
}

time64_t ktime_get_seconds(void)
{
    return local_clock() / NSEC_PER_SEC;
}

time64_t ktime_get_real_seconds(void)
{
    return local_clock() / NSEC_PER_SEC;
}

void ktime_get_ts64(struct timespec64 *ts)
{
    *ts = ns_to_timespec64(local_clock());
}

void ktime_get_real_ts64(struct timespec64 *ts)
{
    *ts = ns_to_timespec64(local_clock());
}

void ktime_get_boottime_ts64(struct timespec64 *ts)
{
    *ts = ns_to_timespec64(local_clock());
}

void ktime_get_raw_ts64(struct timespec64 *ts)
{
    *ts = ns_to_timespec64(local_clock());
}

void ktime_get_coarse_real_ts64(struct timespec64 *ts)
{
    *ts = ns_to_timespec64(local_clock());
}

void ktime_get_coarse_ts64(struct timespec64 *ts)
{
    *ts = ns_to_timespec64(local_clock());
}
