/*
 * spinlab's model of kernel/locking/rtmutex.c, the rt_mutex core, as with
 * CONFIG_DEBUG_RT_MUTEXES: no cmpxchg fast path, every operation takes wait_lock. A free
 * lock is taken by the top waiter or, with no waiters, by anyone (try_to_take_rt_mutex: no
 * lock stealing between equal priorities); a contender queues an rt_mutex_waiter, sets its
 * state and sleeps until it is the top waiter of a free lock; unlock gives the lock up and
 * wakes the top waiter (mark_wakeup_next_waiter). The waiters are ordered by arrival: the
 * model's scheduler has no priorities, so the kernel's priority order and priority
 * inheritance (rt_mutex_adjust_prio_chain) reduce to that (docs/kernel.md).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/debug_locks.h>
#include <linux/rtmutex.h>

void __rt_mutex_base_init(struct rt_mutex_base *lock)
{
    raw_spin_lock_init(&lock->wait_lock);
    INIT_LIST_HEAD(&lock->waiters);
    lock->owner = NULL;
}

static struct rt_mutex_waiter *rt_mutex_top_waiter(struct rt_mutex_base *lock)
{
    if (list_empty(&lock->waiters))
        return NULL;
    return list_first_entry(&lock->waiters, struct rt_mutex_waiter, list);
}

/* Called with wait_lock held: takes the lock for task if it is free and task may have it. */
static int try_to_take_rt_mutex(struct rt_mutex_base *lock, struct task_struct *task,
                                struct rt_mutex_waiter *waiter)
{
    struct rt_mutex_waiter *top = rt_mutex_top_waiter(lock);

    if (lock->owner)
        return 0;
    if (top && top != waiter)
        return 0;
    if (waiter)
        list_del_init(&waiter->list);
    lock->owner = task;
    return 1;
}

int __rt_mutex_trylock(struct rt_mutex_base *lock)
{
    unsigned long flags;
    int ret;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    ret = try_to_take_rt_mutex(lock, current, NULL);
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    return ret;
}

/* rt_mutex_slowlock(): queue, then sleep until we are the top waiter of a free lock. */
int __rt_mutex_lock(struct rt_mutex_base *lock, unsigned int state)
{
    struct rt_mutex_waiter waiter;
    unsigned long flags;
    int ret = 0;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    if (try_to_take_rt_mutex(lock, current, NULL)) {
        raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
        return 0;
    }
    waiter.task = current;
    waiter.lock = lock;
    list_add_tail(&waiter.list, &lock->waiters);
    for (;;) {
        set_current_state(state);
        if (try_to_take_rt_mutex(lock, current, &waiter))
            break;
        if (signal_pending_state(state, current)) {
            list_del_init(&waiter.list);
            ret = -EINTR;
            break;
        }
        raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
        schedule();
        raw_spin_lock_irqsave(&lock->wait_lock, flags);
    }
    __set_current_state(TASK_RUNNING);
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    return ret;
}

/* rt_mutex_slowunlock(): release, then wake the top waiter, which takes the lock itself. */
void __rt_mutex_unlock(struct rt_mutex_base *lock)
{
    struct rt_mutex_waiter *top;
    struct task_struct *next = NULL;
    unsigned long flags;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    DEBUG_LOCKS_WARN_ON(lock->owner != current);    /* debug_rt_mutex_unlock() */
    lock->owner = NULL;
    top = rt_mutex_top_waiter(lock);
    if (top)
        next = top->task;
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    if (next)
        wake_up_process(next);
}
