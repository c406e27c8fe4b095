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

/*
 * ---- rwlock_t (upstream: kernel/locking/rwbase_rt.c built for rwlocks in spinlock_rt.c) ----
 * Readers count themselves in while no writer holds or wants the lock; otherwise they wait
 * for the writer on its rt_mutex (boosting it) and try again. A writer takes the rt_mutex
 * (excluding other writers and stopping new readers), then waits in TASK_RTLOCK_WAIT, its
 * task state saved, for the readers inside to leave; the last one wakes it. Readers are not
 * boosted by a waiting writer (as upstream). Lockdep: readers are recursive reads (read = 2).
 */
static void rwbase_read_lock(struct rwbase_rt *rwb)
{
    struct rt_mutex_base *rtm = &rwb->rtmutex;
    unsigned long flags;

    for (;;) {
        raw_spin_lock_irqsave(&rtm->wait_lock, flags);
        if (!rwb->writer) {
            rwb->readers++;
            raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
            return;
        }
        raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
        /* a writer: wait for it on the rt_mutex it holds */
        rtlock_slowlock(rtm);
        rt_mutex_slowunlock(rtm);
    }
}

static void rwbase_read_unlock(struct rwbase_rt *rwb)
{
    struct rt_mutex_base *rtm = &rwb->rtmutex;
    struct task_struct *writer = NULL;
    unsigned long flags;

    raw_spin_lock_irqsave(&rtm->wait_lock, flags);
    rwb->readers--;
    if (rwb->readers == 0)
        writer = rwb->waiting_writer;
    raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
    if (writer)
        wake_up_state(writer, TASK_RTLOCK_WAIT);
}

static void rwbase_write_lock(struct rwbase_rt *rwb)
{
    struct rt_mutex_base *rtm = &rwb->rtmutex;
    unsigned long flags;

    rtlock_slowlock(rtm);
    raw_spin_lock_irqsave(&rtm->wait_lock, flags);
    rwb->writer = 1;
    if (rwb->readers) {
        raw_spin_lock(&current->pi_lock);
        current->saved_state = current->__state;
        raw_spin_unlock(&current->pi_lock);
        rwb->waiting_writer = current;
        while (rwb->readers) {
            set_current_state(TASK_RTLOCK_WAIT);
            raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
            schedule();
            raw_spin_lock_irqsave(&rtm->wait_lock, flags);
        }
        rwb->waiting_writer = NULL;
        raw_spin_lock(&current->pi_lock);
        current->__state = current->saved_state;
        current->saved_state = TASK_RUNNING;
        raw_spin_unlock(&current->pi_lock);
    }
    raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
}

static void rwbase_write_unlock(struct rwbase_rt *rwb)
{
    struct rt_mutex_base *rtm = &rwb->rtmutex;
    unsigned long flags;

    raw_spin_lock_irqsave(&rtm->wait_lock, flags);
    rwb->writer = 0;
    raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
    rt_mutex_slowunlock(rtm);
}

void __rt_rwlock_init(rwlock_t *rwlock, const char *name, struct lock_class_key *key)
{
    debug_check_no_locks_freed((void *)rwlock, sizeof(*rwlock));
    __rt_mutex_base_init(&rwlock->rwbase.rtmutex);
    rwlock->rwbase.readers = 0;
    rwlock->rwbase.writer = 0;
    rwlock->rwbase.waiting_writer = NULL;
    lockdep_init_map_wait(&rwlock->dep_map, name, key, 0, LD_WAIT_CONFIG);
}

void rt_read_lock(rwlock_t *rwlock)
{
    rtlock_might_resched();
    rwlock_acquire_read(&rwlock->dep_map, 0, 0, _RET_IP_);
    rwbase_read_lock(&rwlock->rwbase);
    __rcu_read_lock();
    migrate_disable();
}

void rt_write_lock(rwlock_t *rwlock)
{
    rtlock_might_resched();
    rwlock_acquire(&rwlock->dep_map, 0, 0, _RET_IP_);
    rwbase_write_lock(&rwlock->rwbase);
    __rcu_read_lock();
    migrate_disable();
}

int rt_read_trylock(rwlock_t *rwlock)
{
    struct rt_mutex_base *rtm = &rwlock->rwbase.rtmutex;
    unsigned long flags;
    int ret = 0;

    raw_spin_lock_irqsave(&rtm->wait_lock, flags);
    if (!rwlock->rwbase.writer) {
        rwlock->rwbase.readers++;
        ret = 1;
    }
    raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
    if (ret) {
        rwlock_acquire_read(&rwlock->dep_map, 0, 1, _RET_IP_);
        __rcu_read_lock();
        migrate_disable();
    }
    return ret;
}

int rt_write_trylock(rwlock_t *rwlock)
{
    struct rt_mutex_base *rtm = &rwlock->rwbase.rtmutex;
    unsigned long flags;
    int ret = 0;

    if (!rt_mutex_slowtrylock(rtm))
        return 0;
    raw_spin_lock_irqsave(&rtm->wait_lock, flags);
    if (!rwlock->rwbase.readers) {
        rwlock->rwbase.writer = 1;
        ret = 1;
    }
    raw_spin_unlock_irqrestore(&rtm->wait_lock, flags);
    if (!ret) {
        rt_mutex_slowunlock(rtm);
        return 0;
    }
    rwlock_acquire(&rwlock->dep_map, 0, 1, _RET_IP_);
    __rcu_read_lock();
    migrate_disable();
    return 1;
}

void rt_read_unlock(rwlock_t *rwlock)
{
    rwlock_release(&rwlock->dep_map, _RET_IP_);
    migrate_enable();
    __rcu_read_unlock();
    rwbase_read_unlock(&rwlock->rwbase);
}

void rt_write_unlock(rwlock_t *rwlock)
{
    rwlock_release(&rwlock->dep_map, _RET_IP_);
    migrate_enable();
    __rcu_read_unlock();
    rwbase_write_unlock(&rwlock->rwbase);
}
#endif
