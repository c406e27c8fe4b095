/* spinlab's model of <time.h>: only what sleeping needs. */
#ifndef _SPINLAB_TIME_H
#define _SPINLAB_TIME_H

#include <stddef.h>

typedef long time_t;

struct timespec {
    long tv_sec;
    long tv_nsec;
};

int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);

#endif
