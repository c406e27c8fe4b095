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
{ __PREEMPT_RT_ONLY(return rt_mutex_slowtrylock(lock);)
    unsigned long flags;
    int ret;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    ret = try_to_take_rt_mutex(lock, current, NULL);
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    return ret;
}

/* rt_mutex_slowlock(): queue, then sleep until we are the top waiter of a free lock. */
int __rt_mutex_lock(struct rt_mutex_base *lock, unsigned int state)
{ __PREEMPT_RT_ONLY(return rt_mutex_slowlock(lock, state, TASK_NORMAL);)
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
{ __PREEMPT_RT_ONLY(rt_mutex_slowunlock(lock); return;)
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

#ifdef CONFIG_PREEMPT_RT
/*
 * ---- PREEMPT_RT: priorities and priority inheritance ----
 *
 * With priorities (--preempt rt) the waiters queue by priority, equal ones by arrival (the
 * kernel's rbtree order), and a task that is not queued takes a free lock ahead of the top
 * waiter only with a strictly higher priority (rt_mutex_steal). Each owner keeps the waiters
 * of the locks it owns on its pi_waiters (the kernel keeps each lock's top waiter there: the
 * highest is the same) and runs at the highest of their priorities and its own
 * (rt_mutex_adjust_prio); a new waiter walks the chain of owners that are themselves blocked
 * on an rt_mutex and boosts each (rt_mutex_adjust_prio_chain, at most max_lock_depth = 1024
 * steps; the deadlock detection of that walk is not modelled). The same slow path serves
 * the sleeping spinlock_t/rwlock_t (rtlock_slowlock), which preserves the caller's task state
 * across the wait (TASK_RTLOCK_WAIT, current->saved_state).
 */
static void rt_waiter_enqueue(struct rt_mutex_base *lock, struct rt_mutex_waiter *w)
{
    struct rt_mutex_waiter *t;
    list_for_each_entry(t, &lock->waiters, list) {
        if (t->prio > w->prio) {
            list_add_tail(&w->list, &t->list);
            return;
        }
    }
    list_add_tail(&w->list, &lock->waiters);
}

/* try_to_take_rt_mutex() with priorities; called with wait_lock held */
static int rt_try_take(struct rt_mutex_base *lock, struct task_struct *task, struct rt_mutex_waiter *waiter)
{
    struct rt_mutex_waiter *top = rt_mutex_top_waiter(lock);
    struct rt_mutex_waiter *t;

    if (lock->owner)
        return 0;
    if (waiter) {
        if (top != waiter)
            return 0;
        list_del_init(&waiter->list);
    } else if (top && !(task->prio < top->prio)) {
        return 0;
    }
    lock->owner = task;
    /* the remaining waiters now wait for task */
    raw_spin_lock(&task->pi_lock);
    list_for_each_entry(t, &lock->waiters, list)
        list_add_tail(&t->pi_list, &task->pi_waiters);
    raw_spin_unlock(&task->pi_lock);
    return 1;
}

/* rt_mutex_adjust_prio(): the task's own priority or the highest of its lock waiters' */
static void rt_mutex_adjust_prio(struct task_struct *p)
{
    struct rt_mutex_waiter *w;
    unsigned long flags;
    int prio;

    raw_spin_lock_irqsave(&p->pi_lock, flags);
    prio = p->normal_prio;
    list_for_each_entry(w, &p->pi_waiters, pi_list) {
        if (w->prio < prio)
            prio = w->prio;
    }
    raw_spin_unlock_irqrestore(&p->pi_lock, flags);
    if (prio != p->prio)
        rt_mutex_setprio(p, prio);
}

/* rt_mutex_adjust_prio_chain(): boost task, then the owner of the lock it waits for, and so on */
static void rt_mutex_adjust_prio_chain(struct task_struct *task)
{
    int depth;

    for (depth = 0; task && depth < 1024; depth++) {
        struct rt_mutex_waiter *w;
        struct rt_mutex_base *next_lock;
        unsigned long flags;

        rt_mutex_adjust_prio(task);
        raw_spin_lock_irqsave(&task->pi_lock, flags);
        w = task->pi_blocked_on;
        raw_spin_unlock_irqrestore(&task->pi_lock, flags);
        if (!w)
            return;
        next_lock = w->lock;
        raw_spin_lock_irqsave(&next_lock->wait_lock, flags);
        if (task->pi_blocked_on != w || w->prio == task->prio) {
            raw_spin_unlock_irqrestore(&next_lock->wait_lock, flags);
            return;
        }
        /* requeue the waiter at its new priority: the lock's owner inherits it */
        list_del(&w->list);
        w->prio = task->prio;
        rt_waiter_enqueue(next_lock, w);
        task = next_lock->owner;
        raw_spin_unlock_irqrestore(&next_lock->wait_lock, flags);
    }
}

int rt_mutex_slowtrylock(struct rt_mutex_base *lock)
{
    unsigned long flags;
    int ret;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    ret = rt_try_take(lock, current, NULL);
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    return ret;
}

/*
 * rt_mutex_slowlock() and rtlock_slowlock(): queue by priority, boost the owner chain, sleep
 * until we are the top waiter of a free lock. state is what the wait sleeps in
 * (TASK_RTLOCK_WAIT for a sleeping spinlock), wake_state what its wake-up must match.
 */
static int rt_mutex_slowlock_locked(struct rt_mutex_base *lock, unsigned int state,
                                    unsigned int wake_state, unsigned long *flags)
{
    struct rt_mutex_waiter waiter;
    struct task_struct *owner = lock->owner;
    int ret = 0;

    waiter.task = current;
    waiter.lock = lock;
    waiter.prio = current->prio;
    waiter.wake_state = wake_state;
    INIT_LIST_HEAD(&waiter.pi_list);
    rt_waiter_enqueue(lock, &waiter);
    if (owner) {        /* not so while a woken top waiter has yet to take the free lock */
        raw_spin_lock(&owner->pi_lock);
        list_add_tail(&waiter.pi_list, &owner->pi_waiters);
        raw_spin_unlock(&owner->pi_lock);
    }
    raw_spin_lock(&current->pi_lock);
    current->pi_blocked_on = &waiter;
    raw_spin_unlock(&current->pi_lock);
    raw_spin_unlock_irqrestore(&lock->wait_lock, *flags);
    if (owner)
        rt_mutex_adjust_prio_chain(owner);
    raw_spin_lock_irqsave(&lock->wait_lock, *flags);
    for (;;) {
        set_current_state(state);
        if (rt_try_take(lock, current, &waiter))
            break;
        if (signal_pending_state(state, current)) {
            list_del_init(&waiter.list);
            if (lock->owner) {
                raw_spin_lock(&lock->owner->pi_lock);
                list_del_init(&waiter.pi_list);
                raw_spin_unlock(&lock->owner->pi_lock);
            }
            ret = -EINTR;
            break;
        }
        raw_spin_unlock_irqrestore(&lock->wait_lock, *flags);
        schedule();
        raw_spin_lock_irqsave(&lock->wait_lock, *flags);
    }
    raw_spin_lock(&current->pi_lock);
    current->pi_blocked_on = NULL;
    raw_spin_unlock(&current->pi_lock);
    return ret;
}

int rt_mutex_slowlock(struct rt_mutex_base *lock, unsigned int state, unsigned int wake_state)
{
    unsigned long flags;
    int ret = 0;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    if (!rt_try_take(lock, current, NULL))
        ret = rt_mutex_slowlock_locked(lock, state, wake_state, &flags);
    __set_current_state(TASK_RUNNING);
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    rt_mutex_adjust_prio(current);
    return ret;
}

void rtlock_slowlock(struct rt_mutex_base *lock)
{
    unsigned long flags;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    if (rt_try_take(lock, current, NULL)) {
        raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
        return;
    }
    /* current_save_and_set_rtlock_wait_state() */
    raw_spin_lock(&current->pi_lock);
    current->saved_state = current->__state;
    current->__state = TASK_RTLOCK_WAIT;
    raw_spin_unlock(&current->pi_lock);
    rt_mutex_slowlock_locked(lock, TASK_RTLOCK_WAIT, TASK_RTLOCK_WAIT, &flags);
    /* current_restore_rtlock_saved_state() */
    raw_spin_lock(&current->pi_lock);
    current->__state = current->saved_state;
    current->saved_state = TASK_RUNNING;
    raw_spin_unlock(&current->pi_lock);
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    rt_mutex_adjust_prio(current);
}

/* rt_mutex_slowunlock(): release, wake the top waiter, drop our boost (preemption held off between) */
void rt_mutex_slowunlock(struct rt_mutex_base *lock)
{
    struct rt_mutex_waiter *top, *w;
    struct task_struct *next = NULL;
    unsigned int wake_state = TASK_NORMAL;
    unsigned long flags;

    raw_spin_lock_irqsave(&lock->wait_lock, flags);
    DEBUG_LOCKS_WARN_ON(lock->owner != current);    /* debug_rt_mutex_unlock() */
    raw_spin_lock(&current->pi_lock);
    list_for_each_entry(w, &lock->waiters, list)
        list_del_init(&w->pi_list);
    raw_spin_unlock(&current->pi_lock);
    lock->owner = NULL;
    top = rt_mutex_top_waiter(lock);
    if (top) {
        next = top->task;
        wake_state = top->wake_state;
    }
    preempt_disable();
    raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
    if (next)
        wake_up_state(next, wake_state);
    rt_mutex_adjust_prio(current);
    preempt_enable();
}
#endif
