/* spinlab's model of <linux/spinlock_types.h>: spinlock_t. Without PREEMPT_RT it is the raw
 * ticket lock (<linux/spinlock_types_raw.h>); with CONFIG_PREEMPT_RT (--preempt rt) it is an
 * rt_mutex_base and its own lockdep map, as upstream: a sleeping lock with priority
 * inheritance (kernel/locking/spinlock_rt.c).
 */
#ifndef _SPINLAB_LINUX_SPINLOCK_TYPES_H
#define _SPINLAB_LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>
#include <linux/lockdep.h>
#include <linux/spinlock_types_raw.h>

#ifndef CONFIG_PREEMPT_RT
typedef struct spinlock {
    union {
        struct raw_spinlock rlock;
        struct lockdep_map dep_map;
    };
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .rlock = ___RAW_SPIN_LOCK_INITIALIZER(name, LD_WAIT_CONFIG) }
#else
#include <linux/rtmutex.h>

typedef struct spinlock {
    struct rt_mutex_base lock;
    struct lockdep_map dep_map;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(name) { .lock = __RT_MUTEX_BASE_INITIALIZER(name.lock), \
    .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, LD_WAIT_CONFIG) }
#endif

#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

#include <linux/rwlock_types.h>

#endif
