/*
 * timerdemo: one spinlock shared by a timer callback and a system call.
 *
 * timerdemo_timer() runs every jiffy (it re-arms itself with mod_timer) from TIMER_SOFTIRQ
 * and counts under stats_lock. A process write()s to /dev/timerdemo in a loop;
 * timerdemo_write() updates the same counters under stats_lock for 5 ms (mdelay).
 *
 * Built plain, the write path uses spin_lock(): bottom halves stay enabled, so the tick
 * that expires the timer runs TIMER_SOFTIRQ from irq_exit() on top of the lock holder and
 * the callback spins on a lock its own CPU holds.
 * Built with -DUSE_BH, the write path uses spin_lock_bh(): irq_exit() sees bottom halves
 * disabled and leaves the softirq pending; spin_unlock_bh() runs it in the writer's context.
 *
 * The callback reports the context it runs in whenever preempt_count() differs from its
 * previous run, and dumps its stack the first time it runs with preempt_count 0x101
 * (serving a softirq, SOFTIRQ_OFFSET, on top of one preempt_disable()).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/printk.h>

static spinlock_t stats_lock;
static struct timer_list tick_timer;
static unsigned long timer_runs;
static unsigned long timer_runs_101;
static unsigned long write_count;
static int last_pc = -1;
static int dumped;

static void timerdemo_timer(struct timer_list *t)
{
	int pc = preempt_count();

	if (pc != last_pc) {
		pr_info("timerdemo: timer run %lu: in_serving_softirq()=%d in_task()=%d preempt_count()=%08x\n",
			timer_runs + 1, in_serving_softirq() ? 1 : 0, in_task() ? 1 : 0, pc);
		last_pc = pc;
		if (pc == SOFTIRQ_OFFSET + 1 && !dumped) {
			dumped = 1;
			dump_stack();
		}
	}
	spin_lock(&stats_lock);
	timer_runs++;
	if (pc == SOFTIRQ_OFFSET + 1)
		timer_runs_101++;
	spin_unlock(&stats_lock);
#ifdef TIMER_RUNS
	/* check: a timer that re-arms forever moves jiffies forever; stop after TIMER_RUNS */
	if (timer_runs >= TIMER_RUNS)
		return;
#endif
	mod_timer(&tick_timer, jiffies + 1);
}

static ssize_t timerdemo_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#ifdef USE_BH
	spin_lock_bh(&stats_lock);
#else
	spin_lock(&stats_lock);
#endif
	write_count++;
	mdelay(5);		/* a long critical section */
#ifdef USE_BH
	spin_unlock_bh(&stats_lock);
#else
	spin_unlock(&stats_lock);
#endif
	return len;
}

static int timerdemo_release(struct inode *inode, struct file *filp)
{
	spin_lock_bh(&stats_lock);
	pr_info("timerdemo: %lu writes, %lu timer runs, %lu of them with preempt_count 00000101\n",
		write_count, timer_runs, timer_runs_101);
	spin_unlock_bh(&stats_lock);
	return 0;
}

static const struct file_operations timerdemo_fops = {
	.owner = THIS_MODULE,
	.write = timerdemo_write,
	.release = timerdemo_release,
};

static struct miscdevice timerdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "timerdemo",
	.fops = &timerdemo_fops,
};

static int __init timerdemo_init(void)
{
	int ret;

	spin_lock_init(&stats_lock);
	ret = misc_register(&timerdemo_dev);
	if (ret)
		return ret;
	timer_setup(&tick_timer, timerdemo_timer, 0);
	mod_timer(&tick_timer, jiffies + 1);
#ifdef USE_BH
	pr_info("timerdemo: loaded (write path uses spin_lock_bh)\n");
#else
	pr_info("timerdemo: loaded (write path uses spin_lock)\n");
#endif
	return 0;
}

static void __exit timerdemo_exit(void)
{
	del_timer_sync(&tick_timer);
	misc_deregister(&timerdemo_dev);
}

MODULE_LICENSE("GPL");
module_init(timerdemo_init);
module_exit(timerdemo_exit);
