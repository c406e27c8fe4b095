/* spinlab's model of <linux/ratelimit.h>: rate limits for messages (lib/ratelimit.c). */
#ifndef _SPINLAB_LINUX_RATELIMIT_H
#define _SPINLAB_LINUX_RATELIMIT_H

#include <linux/ratelimit_types.h>
#include <linux/spinlock.h>
#include <linux/string.h>

static inline void ratelimit_state_init(struct ratelimit_state *rs, int interval, int burst)
{
    memset(rs, 0, sizeof(*rs));
    raw_spin_lock_init(&rs->lock);
    rs->interval = interval;
    rs->burst = burst;
}

static inline void ratelimit_set_flags(struct ratelimit_state *rs, unsigned long flags)
{
    rs->flags = flags;
}

#endif
