/*
 * spinlab's model of kernel/locking/semaphore.c: the count and the FIFO of sleepers are
 * guarded by sem->lock (taken irqsave, so up() works from interrupts). down() takes a unit
 * if there is one, else queues a semaphore_waiter and sleeps until up() hands it a unit
 * (waiter.up) — __down_common(); up() with nobody waiting just adds one to count.
 *
 * Lockdep: as in mainline, down()/up() are not annotated (a semaphore has no owner: it may
 * be released by another task or from an interrupt, so held-lock tracking would be wrong).
 * Only the internal sem->lock is tracked, as the raw spinlock it is.
 */
#include <linux/kernel.h>
#include <linux/semaphore.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

struct semaphore_waiter {
    struct list_head list;
    struct task_struct *task;
    bool up;
};

void sema_init(struct semaphore *sem, int val)
{
    raw_spin_lock_init(&sem->lock);
    sem->count = val;
    INIT_LIST_HEAD(&sem->wait_list);
}

/* Called with sem->lock held, irqs off; returns with it held. */
static int __down_common(struct semaphore *sem, long state, long timeout)
{
    struct semaphore_waiter waiter;

    list_add_tail(&waiter.list, &sem->wait_list);
    waiter.task = current;
    waiter.up = false;

    for (;;) {
        if (signal_pending_state(state, current))
            goto interrupted;
        if (timeout <= 0)
            goto timed_out;
        __set_current_state(state);
        raw_spin_unlock_irq(&sem->lock);
        timeout = schedule_timeout(timeout);
        raw_spin_lock_irq(&sem->lock);
        if (waiter.up)
            return 0;
    }

timed_out:
    list_del(&waiter.list);
    return -ETIME;

interrupted:
    list_del(&waiter.list);
    return -EINTR;
}

/* down(), down_interruptible() and down_timeout() differ only in how they wait. */
static int down_wait(struct semaphore *sem, long state, long timeout)
{
    unsigned long flags;
    int result = 0;

    raw_spin_lock_irqsave(&sem->lock, flags);
    if (likely(sem->count > 0))
        sem->count--;
    else
        result = __down_common(sem, state, timeout);
    raw_spin_unlock_irqrestore(&sem->lock, flags);
    return result;
}

void down(struct semaphore *sem)
{
    might_sleep();
    down_wait(sem, TASK_UNINTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}

int down_interruptible(struct semaphore *sem)
{
    might_sleep();
    return down_wait(sem, TASK_INTERRUPTIBLE, MAX_SCHEDULE_TIMEOUT);
}

int down_killable(struct semaphore *sem)
{
    return down_interruptible(sem);
}

int down_timeout(struct semaphore *sem, long timeout)
{
    might_sleep();
    return down_wait(sem, TASK_UNINTERRUPTIBLE, timeout);
}

/* Returns 0 if it took the semaphore and 1 if not: the opposite of spin_trylock(). */
int down_trylock(struct semaphore *sem)
{
    unsigned long flags;
    int count;

    raw_spin_lock_irqsave(&sem->lock, flags);
    count = sem->count - 1;
    if (likely(count >= 0))
        sem->count = count;
    raw_spin_unlock_irqrestore(&sem->lock, flags);
    return (count < 0);
}

static void __up(struct semaphore *sem)
{
    struct semaphore_waiter *waiter = list_first_entry(&sem->wait_list, struct semaphore_waiter, list);
    list_del(&waiter->list);
    waiter->up = true;
    wake_up_process(waiter->task);
}

void up(struct semaphore *sem)
{
    unsigned long flags;

    raw_spin_lock_irqsave(&sem->lock, flags);
    if (likely(list_empty(&sem->wait_list)))
        sem->count++;
    else
        __up(sem);
    raw_spin_unlock_irqrestore(&sem->lock, flags);
}
