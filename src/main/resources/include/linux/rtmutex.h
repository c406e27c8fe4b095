/*
 * spinlab's model of <linux/rtmutex.h> (implementation in kernel/locking/rtmutex_api.c and
 * kernel/locking/rtmutex.c): the priority-inheriting mutex, configured as with
 * CONFIG_DEBUG_RT_MUTEXES (no cmpxchg fast path; unlock checks the owner). With lockdep,
 * dep_map names the class: rt_mutex_init() names it after the calling function (__func__,
 * as upstream) with the call site's key; DEFINE_RT_MUTEX after the variable; wait type
 * LD_WAIT_SLEEP. Priorities exist only under --preempt rt (CONFIG_PREEMPT_RT: SCHED_FIFO
 * threads, kernel/sched/core.c): there waiters queue by priority (equal ones by arrival, as
 * the kernel's rbtree orders them) and a waiter boosts the owner, along the chain of owners
 * blocked on further rt_mutexes (priority inheritance); without it every task has one
 * priority, waiters queue by arrival and there is nobody to boost. The deadlock-detecting
 * chain walk (-EDEADLK) is not modelled (lockdep reports the deadlocks).
 */
#ifndef _SPINLAB_LINUX_RTMUTEX_H
#define _SPINLAB_LINUX_RTMUTEX_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock_types_raw.h>
#include <linux/lockdep.h>

struct task_struct;

struct rt_mutex_base {
    raw_spinlock_t wait_lock;
    struct list_head waiters;       /* rt_mutex_waiter, the top waiter first */
    struct task_struct *owner;
};

struct rt_mutex {
    struct rt_mutex_base rtmutex;
    struct lockdep_map dep_map;
};

#define __RT_MUTEX_BASE_INITIALIZER(rtbasename) { \
    .wait_lock = __RAW_SPIN_LOCK_UNLOCKED(rtbasename.wait_lock), \
    .waiters = LIST_HEAD_INIT(rtbasename.waiters), .owner = NULL }
#define __RT_MUTEX_INITIALIZER(mutexname) { .rtmutex = __RT_MUTEX_BASE_INITIALIZER(mutexname.rtmutex), \
    .dep_map = STATIC_LOCKDEP_MAP_INIT(#mutexname, LD_WAIT_SLEEP) }
#define DEFINE_RT_MUTEX(mutexname) struct rt_mutex mutexname = __RT_MUTEX_INITIALIZER(mutexname)

static inline bool rt_mutex_base_is_locked(struct rt_mutex_base *lock)
{
    return READ_ONCE(lock->owner) != NULL;
}

#define rt_mutex_is_locked(l) rt_mutex_base_is_locked(&(l)->rtmutex)

void __rt_mutex_init(struct rt_mutex *lock, const char *name, struct lock_class_key *key);
#define rt_mutex_init(mutex) \
    do { static struct lock_class_key __key; __rt_mutex_init((mutex), __func__, &__key); } while (0)

void rt_mutex_lock_nested(struct rt_mutex *lock, unsigned int subclass);
void _rt_mutex_lock_nest_lock(struct rt_mutex *lock, struct lockdep_map *nest_lock);
#define rt_mutex_lock(lock) rt_mutex_lock_nested((lock), 0)
#define rt_mutex_lock_nest_lock(lock, nest_lock) _rt_mutex_lock_nest_lock((lock), &(nest_lock)->dep_map)
int rt_mutex_lock_interruptible(struct rt_mutex *lock);
int rt_mutex_lock_killable(struct rt_mutex *lock);
int rt_mutex_trylock(struct rt_mutex *lock);
void rt_mutex_unlock(struct rt_mutex *lock);

/*
 * The core the API calls (the kernel's kernel/locking/rtmutex_common.h: here, since the
 * model's tree resolves includes from include/ only).
 */
struct rt_mutex_waiter {
    struct list_head list;
    struct task_struct *task;
    struct rt_mutex_base *lock;
#ifdef CONFIG_PREEMPT_RT
    int prio;                   /* the waiter's (possibly boosted) priority */
    unsigned int wake_state;    /* TASK_NORMAL, or TASK_RTLOCK_WAIT for spinlock_t/rwlock_t */
    struct list_head pi_list;   /* on the owner's pi_waiters */
#endif
};

void __rt_mutex_base_init(struct rt_mutex_base *lock);
int __rt_mutex_lock(struct rt_mutex_base *lock, unsigned int state);
int __rt_mutex_trylock(struct rt_mutex_base *lock);
void __rt_mutex_unlock(struct rt_mutex_base *lock);
#ifdef CONFIG_PREEMPT_RT
/* the sleeping spinlock's slow paths (kernel/locking/rtmutex.c under RT_MUTEX_BUILD_SPINLOCKS) */
void rtlock_slowlock(struct rt_mutex_base *lock);
int rt_mutex_slowlock(struct rt_mutex_base *lock, unsigned int state, unsigned int wake_state);
int rt_mutex_slowtrylock(struct rt_mutex_base *lock);
void rt_mutex_slowunlock(struct rt_mutex_base *lock);
#endif

#endif
