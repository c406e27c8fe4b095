/*
 * oneshot: timer-vs-process with a one-shot timer, small enough for an unreduced check.
 *
 * write() takes stats_lock, arms flush_timer (jiffies + 1) inside the critical section,
 * drops the lock, and deletes the timer again; the callback takes stats_lock too. The timer
 * can fire anywhere between mod_timer() and del_timer().
 *
 * Built plain, write() uses spin_lock(): the tick that expires the timer runs TIMER_SOFTIRQ
 * from irq_exit() on top of the lock holder, and the callback spins on the lock its own CPU
 * holds: spinlock recursion, then a deadlock.
 * Built with -DUSE_BH, write() uses spin_lock_bh(): the softirq waits for spin_unlock_bh().
 *
 * (examples/timer-vs-process re-arms its timer every jiffy; under check each firing moves
 * jiffies on, so its state space has no end.)
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

static spinlock_t stats_lock;
static struct timer_list flush_timer;
static unsigned long writes;
static unsigned long flushed;

static void oneshot_timer(struct timer_list *t)
{
	spin_lock(&stats_lock);
	flushed = writes;
	spin_unlock(&stats_lock);
}

static ssize_t oneshot_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#ifdef USE_BH
	spin_lock_bh(&stats_lock);
#else
	spin_lock(&stats_lock);
#endif
	writes++;
	mod_timer(&flush_timer, jiffies + 1);
#ifdef USE_BH
	spin_unlock_bh(&stats_lock);
#else
	spin_unlock(&stats_lock);
#endif
	del_timer(&flush_timer);
	return len;
}

static const struct file_operations oneshot_fops = {
	.owner = THIS_MODULE,
	.write = oneshot_write,
};

static struct miscdevice oneshot_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "oneshot",
	.fops = &oneshot_fops,
};

static int __init oneshot_init(void)
{
	spin_lock_init(&stats_lock);
	timer_setup(&flush_timer, oneshot_timer, 0);
	return misc_register(&oneshot_dev);
}

MODULE_LICENSE("GPL");
module_init(oneshot_init);
