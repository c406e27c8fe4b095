/* spinlab's model of <linux/time.h>: clock ids and the time units (include/linux/time64.h). */
#ifndef _SPINLAB_LINUX_TIME_H
#define _SPINLAB_LINUX_TIME_H

#include <linux/types.h>
#include <linux/time64.h>

typedef int clockid_t;

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define CLOCK_TAI 11

#endif
