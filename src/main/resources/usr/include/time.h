/* spinlab's model of <time.h>: sleeping and the clocks. */
#ifndef _SPINLAB_TIME_H
#define _SPINLAB_TIME_H

#include <stddef.h>

typedef long time_t;

struct timespec {
    long tv_sec;
    long tv_nsec;
};

typedef int clockid_t;
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clk, struct timespec *tp);
time_t time(time_t *t);

#endif
