/*
 * spinlab's model of kernel/locking/spinlock_rt.c: spinlock_t under CONFIG_PREEMPT_RT
 * (--preempt rt), built on the rt_mutex core (kernel/locking/rtmutex.c: priority-ordered
 * waiters, priority inheritance). As upstream: lock = lockdep first (spin_acquire, so an
 * invalid wait context is reported before anything else), then rtlock_might_resched()
 * (__might_resched with the RCU nesting the caller already has: taking a spinlock_t with
 * preemption or interrupts disabled — inside a raw_spinlock_t section — is "BUG: sleeping
 * function called from invalid context"), the rt_mutex (the model has no cmpxchg fast path,
 * as with CONFIG_DEBUG_RT_MUTEXES), then rcu_read_lock() and migrate_disable(); unlock in the
 * reverse order. Preemption and interrupts stay enabled throughout. The file is empty
 * without CONFIG_PREEMPT_RT, as it is not built there upstream.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>
#include <linux/lockdep.h>
#include <linux/rtmutex.h>

#ifdef CONFIG_PREEMPT_RT
void __rcu_read_lock(void);
void __rcu_read_unlock(void);

/* RTLOCK_RESCHED_OFFSETS: the caller may legitimately be in an RCU read-side section already */
#define rtlock_might_resched() \
    __might_resched(__FILE__, __LINE__, current->rcu_read_lock_nesting << MIGHT_RESCHED_RCU_SHIFT)

static void __rt_spin_lock(spinlock_t *lock)
{
    rtlock_might_resched();
    rtlock_slowlock(&lock->lock);
    __rcu_read_lock();
    migrate_disable();
}

void rt_spin_lock(spinlock_t *lock)
{
    spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    __rt_spin_lock(lock);
}

void rt_spin_lock_nested(spinlock_t *lock, int subclass)
{
    spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    __rt_spin_lock(lock);
}

void rt_spin_lock_nest_lock(spinlock_t *lock, struct lockdep_map *nest_lock)
{
    spin_acquire_nest(&lock->dep_map, 0, 0, nest_lock, _RET_IP_);
    __rt_spin_lock(lock);
}

void rt_spin_unlock(spinlock_t *lock)
{
    spin_release(&lock->dep_map, _RET_IP_);
    migrate_enable();
    __rcu_read_unlock();
    rt_mutex_slowunlock(&lock->lock);
}

/* lock and unlock: wait for the holder by sleeping on the lock rather than polling it */
void rt_spin_lock_unlock(spinlock_t *lock)
{
    spin_lock(lock);
    spin_unlock(lock);
}

static int __rt_spin_trylock(spinlock_t *lock)
{
    int ret = rt_mutex_slowtrylock(&lock->lock);

    if (ret) {
        spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
        __rcu_read_lock();
        migrate_disable();
    }
    return ret;
}

int rt_spin_trylock(spinlock_t *lock)
{
    return __rt_spin_trylock(lock);
}

int rt_spin_trylock_bh(spinlock_t *lock)
{
    int ret;

    local_bh_disable();
    ret = __rt_spin_trylock(lock);
    if (!ret)
        local_bh_enable();
    return ret;
}

void __rt_spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key, bool percpu)
{
    /* not a held lock initialised again (lockdep's observer: no step) */
    debug_check_no_locks_freed((void *)lock, sizeof(*lock));
    lockdep_init_map_type(&lock->dep_map, name, key, 0, LD_WAIT_CONFIG, LD_WAIT_INV,
                          percpu ? LD_LOCK_PERCPU : LD_LOCK_NORMAL);
}
#endif
