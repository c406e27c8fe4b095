/*
 * spinlab's model of kernel/locking/mutex.c with kernel/locking/mutex-debug.c
 * (CONFIG_DEBUG_MUTEXES): a sleeping lock. mutex_lock() may sleep, so it starts with
 * might_sleep(). The owner word holds the owning task and is taken with cmpxchg(0 -> current)
 * (__mutex_trylock()). A contender queues a mutex_waiter on wait_list under wait_lock, sets
 * its state, tries once more, and sleeps (__mutex_lock_common()); mutex_unlock() clears the
 * owner and wakes the first waiter, which tries again (a running task may take the lock
 * first: no hand-off in the model). As with debug mutexes, unlock always takes the slow path,
 * which checks that the unlocking task owns the mutex.
 * Simplified: no optimistic spinning, no MUTEX_FLAG_* bits, no lockdep.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/debug_locks.h>

struct mutex_waiter {
    struct list_head list;
    struct task_struct *task;
    struct mutex *magic;
};

extern int oops_in_progress;

/* lib/debug_locks.c */
int debug_locks = 1;

int debug_locks_off(void)
{
    if (debug_locks) {
        debug_locks = 0;
        return 1;
    }
    return 0;
}

int __debug_locks_warn(const char *cond)
{
    if (!oops_in_progress && debug_locks_off())
        WARN(1, "DEBUG_LOCKS_WARN_ON(%s)", cond);
    return 1;
}

static inline struct task_struct *__owner_task(unsigned long owner)
{
    return (struct task_struct *)owner;
}

void __mutex_init(struct mutex *lock, const char *name)
{
    atomic_long_set(&lock->owner, 0);
    raw_spin_lock_init(&lock->wait_lock);
    INIT_LIST_HEAD(&lock->wait_list);
    lock->magic = lock;
}

void mutex_destroy(struct mutex *lock)
{
    DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock));
    lock->magic = NULL;
}

bool mutex_is_locked(struct mutex *lock)
{
    return atomic_long_read(&lock->owner) != 0;
}

/* Takes the lock if it is free; never sleeps. */
static bool __mutex_trylock(struct mutex *lock)
{
    long curr = (long)current;
    return atomic_long_cmpxchg(&lock->owner, 0, curr) == 0;
}

static void __mutex_add_waiter(struct mutex *lock, struct mutex_waiter *waiter)
{
    waiter->magic = lock;
    list_add_tail(&waiter->list, &lock->wait_list);
}

static void __mutex_remove_waiter(struct mutex *lock, struct mutex_waiter *waiter)
{
    DEBUG_LOCKS_WARN_ON(list_empty(&waiter->list));
    list_del_init(&waiter->list);
    waiter->magic = NULL;
}

static int __mutex_lock_common(struct mutex *lock, unsigned int state)
{
    struct mutex_waiter waiter;
    int ret = 0;

    DEBUG_LOCKS_WARN_ON(lock->magic != lock);
    preempt_disable();
    if (__mutex_trylock(lock)) {
        preempt_enable();
        return 0;
    }
    raw_spin_lock(&lock->wait_lock);
    if (__mutex_trylock(lock))
        goto skip_wait;

    waiter.task = current;
    INIT_LIST_HEAD(&waiter.list);
    __mutex_add_waiter(lock, &waiter);
    set_current_state(state);
    for (;;) {
        /* the owner may have unlocked since we queued: its wake-up found us, or we see it now */
        if (__mutex_trylock(lock))
            break;
        if (signal_pending_state(state, current)) {
            ret = -EINTR;
            break;
        }
        raw_spin_unlock(&lock->wait_lock);
        schedule_preempt_disabled();
        raw_spin_lock(&lock->wait_lock);
        set_current_state(state);
    }
    __set_current_state(TASK_RUNNING);
    __mutex_remove_waiter(lock, &waiter);
skip_wait:
    raw_spin_unlock(&lock->wait_lock);
    preempt_enable();
    return ret;
}

void mutex_lock(struct mutex *lock)
{
    might_sleep();
    __mutex_lock_common(lock, TASK_UNINTERRUPTIBLE);
}

int mutex_lock_interruptible(struct mutex *lock)
{
    might_sleep();
    return __mutex_lock_common(lock, TASK_INTERRUPTIBLE);
}

int mutex_lock_killable(struct mutex *lock)
{
    might_sleep();
    return __mutex_lock_common(lock, TASK_INTERRUPTIBLE);
}

int mutex_trylock(struct mutex *lock)
{
    DEBUG_LOCKS_WARN_ON(lock->magic != lock);
    return __mutex_trylock(lock);
}

/* __mutex_unlock_slowpath(): release, then wake the first waiter. */
void mutex_unlock(struct mutex *lock)
{
    struct task_struct *next = NULL;
    unsigned long owner = atomic_long_read(&lock->owner);

    DEBUG_LOCKS_WARN_ON(lock->magic != lock);
    DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current);
    atomic_long_set(&lock->owner, 0);

    raw_spin_lock(&lock->wait_lock);
    if (!list_empty(&lock->wait_list)) {
        struct mutex_waiter *waiter = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
        next = waiter->task;
        wake_up_process(next);
    }
    raw_spin_unlock(&lock->wait_lock);
}
