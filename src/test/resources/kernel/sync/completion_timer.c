/*
 * A completion completed from a timer callback (softirq context) wakes the waiting task;
 * a wait queue condition set by the same callback ends a wait_event(); complete_all()
 * releases two waiting threads at once.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/completion.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/kthread.h> /* kthread_run(); includes <linux/sched.h> */
#include <linux/delay.h>
#include <linux/atomic.h>

static DECLARE_COMPLETION(fired);
static DECLARE_COMPLETION(go);
static DECLARE_COMPLETION(finished);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int cond;
static struct timer_list timer;
static unsigned long armed_at;
static atomic_t released = ATOMIC_INIT(0);

static void timer_fn(struct timer_list *t)
{
    printk("timer callback in_softirq=%d\n", in_softirq() ? 1 : 0);
    cond = 1;
    wake_up(&wq);
    complete(&fired);
}

static int waiter(void *unused)
{
    wait_for_completion(&go);
    printk("%s released\n", current->comm);
    atomic_inc(&released);
    complete(&finished);
    return 0;
}

static DECLARE_WAIT_QUEUE_HEAD(wq2);
static int flag2;

static int flag2_set(void *arg)
{
    return *(int *)arg;
}

static int interruptible_waiter(void *unused)
{
    wait_event_interruptible(wq2, flag2);
    printk("%s saw flag2=%d\n", current->comm, flag2);
    complete(&finished);
    return 0;
}

static int fn_waiter(void *unused)
{
    int ret = wait_event_interruptible_fn(wq2, flag2_set, &flag2);
    printk("%s: wait_event_interruptible_fn returned %d, flag2=%d\n", current->comm, ret, flag2);
    complete(&finished);
    return 0;
}

static int comp_init(void)
{
    timer_setup(&timer, timer_fn, 0);
    armed_at = jiffies;
    mod_timer(&timer, jiffies + 10);
    wait_event(wq, cond);
    printk("wait_event returned after %lu jiffies\n", jiffies - armed_at);
    wait_for_completion(&fired);
    printk("completion observed, done=%u\n", fired.done);

    kthread_run(waiter, NULL, "waiter1");
    kthread_run(waiter, NULL, "waiter2");
    msleep(30);
    printk("before complete_all: released=%d\n", atomic_read(&released));
    complete_all(&go);
    wait_for_completion(&finished);
    wait_for_completion(&finished);
    printk("after complete_all: released=%d\n", atomic_read(&released));

    kthread_run(interruptible_waiter, NULL, "iwaiter");
    kthread_run(fn_waiter, NULL, "fnwaiter");
    msleep(20);
    flag2 = 1;
    wake_up_interruptible_all(&wq2);
    wait_for_completion(&finished);
    wait_for_completion(&finished);
    return 0;
}
module_init(comp_init);
