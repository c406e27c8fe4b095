/*
 * spinlab's model of kernel/sched/completion.c: completions over a wait queue whose lock
 * guards the done count. As in the kernel, a waiter queues itself as an exclusive entry
 * with default_wake_function (it stays queued until it removes itself), sleeps with the lock
 * dropped, and re-checks done under the lock after each wake-up (do_wait_for_common()).
 */
#include <linux/kernel.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/limits.h>

void init_completion(struct completion *x)
{
    x->done = 0;
    init_waitqueue_head(&x->wait);
}

void reinit_completion(struct completion *x)
{
    x->done = 0;
}

void complete(struct completion *x)
{
    unsigned long flags;
    spin_lock_irqsave(&x->wait.lock, flags);
    if (x->done != UINT_MAX)
        x->done++;
    __wake_up_locked(&x->wait, TASK_NORMAL, 1);
    spin_unlock_irqrestore(&x->wait.lock, flags);
}

void complete_all(struct completion *x)
{
    unsigned long flags;
    spin_lock_irqsave(&x->wait.lock, flags);
    x->done = UINT_MAX;
    __wake_up_locked(&x->wait, TASK_NORMAL, 0);
    spin_unlock_irqrestore(&x->wait.lock, flags);
}

/* Called and returns with x->wait.lock held, irqs off. Returns the time left (0: timed out). */
static long do_wait_for_common(struct completion *x, long timeout, int state)
{
    if (!x->done) {
        DECLARE_WAITQUEUE(wait, current);

        wait.flags |= WQ_FLAG_EXCLUSIVE;
        __add_wait_queue_entry_tail(&x->wait, &wait);
        do {
            if (signal_pending_state(state, current)) {
                timeout = -ERESTARTSYS;
                break;
            }
            __set_current_state(state);
            spin_unlock_irq(&x->wait.lock);
            timeout = schedule_timeout(timeout);
            spin_lock_irq(&x->wait.lock);
        } while (!x->done && timeout);
        __remove_wait_queue(&x->wait, &wait);
        if (!x->done)
            return timeout;
    }
    if (x->done != UINT_MAX)
        x->done--;
    return timeout ? timeout : 1;
}

static long wait_for_common(struct completion *x, long timeout, int state)
{
    might_sleep();
    spin_lock_irq(&x->wait.lock);
    timeout = do_wait_for_common(x, timeout, state);
    spin_unlock_irq(&x->wait.lock);
    return timeout;
}

void wait_for_completion(struct completion *x)
{
    wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

void wait_for_completion_io(struct completion *x)
{
    wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
    return wait_for_common(x, timeout, TASK_UNINTERRUPTIBLE);
}

int wait_for_completion_interruptible(struct completion *x)
{
    long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
    if (t == -ERESTARTSYS)
        return t;
    return 0;
}

int wait_for_completion_killable(struct completion *x)
{
    return wait_for_completion_interruptible(x);
}

long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
    return wait_for_common(x, timeout, TASK_INTERRUPTIBLE);
}

bool try_wait_for_completion(struct completion *x)
{
    unsigned long flags;
    bool ret = true;
    if (!READ_ONCE(x->done))
        return false;
    spin_lock_irqsave(&x->wait.lock, flags);
    if (!x->done)
        ret = false;
    else if (x->done != UINT_MAX)
        x->done--;
    spin_unlock_irqrestore(&x->wait.lock, flags);
    return ret;
}

bool completion_done(struct completion *x)
{
    unsigned long flags;
    if (!READ_ONCE(x->done))
        return false;
    /* wait for a complete() in progress on another CPU to finish with the lock */
    spin_lock_irqsave(&x->wait.lock, flags);
    spin_unlock_irqrestore(&x->wait.lock, flags);
    return true;
}
