/* spinlab's model of <linux/ratelimit_types.h>: the state of one rate limit (lib/ratelimit.c). */
#ifndef _SPINLAB_LINUX_RATELIMIT_TYPES_H
#define _SPINLAB_LINUX_RATELIMIT_TYPES_H

#include <linux/spinlock_types.h>

#define DEFAULT_RATELIMIT_INTERVAL (5 * 100)    /* 5 * HZ */
#define DEFAULT_RATELIMIT_BURST 10

#define RATELIMIT_MSG_ON_RELEASE 1

struct ratelimit_state {
    raw_spinlock_t lock;
    int interval;
    int burst;
    int printed;
    int missed;
    unsigned long begin;
    unsigned long flags;
};

#define RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, flags_init) { \
    .lock = __RAW_SPIN_LOCK_UNLOCKED(name.lock), .interval = (interval_init),     \
    .burst = (burst_init), .flags = (flags_init) }
#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) \
    RATELIMIT_STATE_INIT_FLAGS(name, interval_init, burst_init, 0)
#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init) \
    struct ratelimit_state name = RATELIMIT_STATE_INIT(name, interval_init, burst_init)

int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif
