/* A counting semaphore of 2: two holders at once, a third waits until one leaves. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/semaphore.h>
#include <linux/completion.h>
#include <linux/kthread.h> /* kthread_run(); includes <linux/sched.h> */
#include <linux/delay.h>

static struct semaphore sem;
static DEFINE_SEMAPHORE(binary);
static DECLARE_COMPLETION(finished);
static int holders;
static int max_holders;
static DEFINE_SPINLOCK(stat_lock);

static int holder(void *unused)
{
    down(&sem);
    spin_lock(&stat_lock);
    holders++;
    if (holders > max_holders)
        max_holders = holders;
    printk("%s in, holders=%d\n", current->comm, holders);
    spin_unlock(&stat_lock);
    msleep(50);
    spin_lock(&stat_lock);
    holders--;
    printk("%s out\n", current->comm);
    spin_unlock(&stat_lock);
    up(&sem);
    complete(&finished);
    return 0;
}

static int sem_init(void)
{
    int i, t1, t2;
    sema_init(&sem, 2);
    kthread_run(holder, NULL, "holder1");
    kthread_run(holder, NULL, "holder2");
    kthread_run(holder, NULL, "holder3");
    msleep(20);
    t1 = down_trylock(&sem);
    printk("after 20ms: holders=%d count=%u trylock=%d\n", holders, sem.count, t1);
    for (i = 0; i < 3; i++)
        wait_for_completion(&finished);
    printk("all done: max_holders=%d count=%u\n", max_holders, sem.count);
    t1 = down_trylock(&binary);
    t2 = down_trylock(&binary);
    printk("binary: trylock=%d trylock=%d\n", t1, t2);
    up(&binary);
    return 0;
}
module_init(sem_init);
