/* Works run in kworker context; flush_work() waits; delayed works run later; cancel stops them. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/workqueue.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/jiffies.h>

static int work_done;
static int delayed_ran;
static int cancelled_ran;
static unsigned long queued_at;

static void slow_fn(struct work_struct *w)
{
    printk("work runs in %s (in_task=%d)\n", current->comm, in_task() ? 1 : 0);
    msleep(50);
    work_done = 1;
    printk("work finished\n");
}
static DECLARE_WORK(slow_work, slow_fn);

static void delayed_fn(struct work_struct *w)
{
    delayed_ran = 1;
    printk("delayed work runs in %s after %lu jiffies\n", current->comm, jiffies - queued_at);
}
static struct delayed_work dwork;

static void never_fn(struct work_struct *w)
{
    cancelled_ran = 1;
    printk("cancelled work ran\n");
}
static DECLARE_DELAYED_WORK(never_work, never_fn);

static int wq_init(void)
{
    int first = schedule_work(&slow_work);
    int second = schedule_work(&slow_work);
    printk("schedule_work: %d then %d\n", first, second);
    first = flush_work(&slow_work);
    printk("flush_work returned %d, work_done=%d\n", first, work_done);
    first = flush_work(&slow_work);
    printk("flush_work of an idle work returned %d\n", first);

    INIT_DELAYED_WORK(&dwork, delayed_fn);
    queued_at = jiffies;
    schedule_delayed_work(&dwork, 5);
    printk("delayed work queued, ran=%d\n", delayed_ran);
    msleep(100);
    printk("after msleep(100), ran=%d\n", delayed_ran);

    schedule_delayed_work(&never_work, 100);
    printk("cancel_delayed_work_sync returned %d\n", cancel_delayed_work_sync(&never_work));
    msleep(20);
    printk("cancelled work ran=%d pending=%d\n", cancelled_ran, delayed_work_pending(&never_work) ? 1 : 0);
    return 0;
}
module_init(wq_init);
