/*
 * spinlab's model of <linux/rcupdate.h>: the read side of RCU. The model has no grace
 * periods (nothing is freed behind a reader's back that the model cares about), so
 * rcu_read_lock() is only a marker, as with CONFIG_PREEMPT_RCU, where it touches no
 * preempt_count; the _bh flavour is what matters for locking: it disables bottom halves, and
 * its unlock is a local_bh_enable() that runs pending softirqs.
 */
#ifndef _SPINLAB_LINUX_RCUPDATE_H
#define _SPINLAB_LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/bottom_half.h>

#define rcu_read_lock() do { } while (0)
#define rcu_read_unlock() do { } while (0)
#define rcu_dereference(p) (p)
#define rcu_dereference_bh(p) (p)
#define rcu_assign_pointer(p, v) ((p) = (v))
#define synchronize_rcu() do { } while (0)
#define synchronize_net() do { } while (0)

static inline void rcu_read_lock_bh(void)
{
    local_bh_disable();
}

static inline void rcu_read_unlock_bh(void)
{
    local_bh_enable();
}

#endif
