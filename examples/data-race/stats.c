/*
 * stats: a packet-statistics counter that an interrupt handler bumps and a write() resets.
 *
 * Built plain, neither side takes a lock: the reset in process context and the increment in
 * the interrupt handler are plain accesses to the same word, and nothing orders them — on one
 * CPU the interrupt can arrive between any two instructions of the system call, on two CPUs
 * the handler can run beside it. That is a data race (KCSAN would report it), even on a
 * machine where no deadlock is possible.
 * Built with -DUSE_LOCK, both sides take stats_lock, the process side with
 * spin_lock_irqsave() so that the handler cannot interrupt it on its own CPU.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/printk.h>

#define STATS_IRQ 6

static DEFINE_SPINLOCK(stats_lock);
static unsigned long rx_packets;

static irqreturn_t stats_interrupt(int irq, void *dev_id)
{
#ifdef USE_LOCK
	spin_lock(&stats_lock);
#endif
	rx_packets++;
#ifdef USE_LOCK
	spin_unlock(&stats_lock);
#endif
	return IRQ_HANDLED;
}

static ssize_t stats_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#ifdef USE_LOCK
	unsigned long flags;

	spin_lock_irqsave(&stats_lock, flags);
#endif
	rx_packets = 0;		/* "reset the statistics" */
#ifdef USE_LOCK
	spin_unlock_irqrestore(&stats_lock, flags);
#endif
	return len;
}

static const struct file_operations stats_fops = {
	.owner = THIS_MODULE,
	.write = stats_write,
};

static struct miscdevice stats_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "stats",
	.fops = &stats_fops,
};

static int __init stats_init(void)
{
	int ret = request_irq(STATS_IRQ, stats_interrupt, 0, "stats", &stats_dev);

	if (ret)
		return ret;
	return misc_register(&stats_dev);
}

static void __exit stats_exit(void)
{
	misc_deregister(&stats_dev);
	free_irq(STATS_IRQ, &stats_dev);
}

MODULE_LICENSE("GPL");
module_init(stats_init);
module_exit(stats_exit);
