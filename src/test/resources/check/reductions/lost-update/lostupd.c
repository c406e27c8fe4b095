/*
 * lostupd: write() adds one to a counter with a plain read-modify-write; the device's
 * interrupt handler adds a hundred. On one CPU the handler can land between the write's load
 * and store, and the write's store then loses the handler's update: a data race, and the
 * check in release() warns. The counter is touched by a task and by an interrupt handler on
 * that task's stack: two flows for the private-data reduction, never one.
 * -DUSE_IRQSAVE: both sides under one lock, interrupts off in write(): no race, no warning.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/spinlock.h>

#define DEV_IRQ 5

static DEFINE_SPINLOCK(count_lock);
static unsigned long count;
static int irq_seen;

static irqreturn_t lostupd_interrupt(int irq, void *dev_id)
{
	spin_lock(&count_lock);
	count += 100;
	irq_seen = 1;
	spin_unlock(&count_lock);
	return IRQ_HANDLED;
}

static ssize_t lostupd_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
	unsigned long v;
#ifdef USE_IRQSAVE
	unsigned long flags;

	spin_lock_irqsave(&count_lock, flags);
#endif
	v = count;
	v = v + 1;
	count = v;
#ifdef USE_IRQSAVE
	spin_unlock_irqrestore(&count_lock, flags);
#endif
	return len;
}

static int lostupd_release(struct inode *inode, struct file *filp)
{
	unsigned long flags;

	spin_lock_irqsave(&count_lock, flags);
	WARN(irq_seen && count != 101, "lostupd: lost update, count %lu", count);
	spin_unlock_irqrestore(&count_lock, flags);
	return 0;
}

static const struct file_operations lostupd_fops = {
	.owner = THIS_MODULE,
	.write = lostupd_write,
	.release = lostupd_release,
};

static struct miscdevice lostupd_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lostupd",
	.fops = &lostupd_fops,
};

static int __init lostupd_init(void)
{
	int ret = request_irq(DEV_IRQ, lostupd_interrupt, 0, "lostupd", &lostupd_dev);

	if (ret)
		return ret;
	return misc_register(&lostupd_dev);
}

static void __exit lostupd_exit(void)
{
	misc_deregister(&lostupd_dev);
	free_irq(DEV_IRQ, &lostupd_dev);
}

MODULE_LICENSE("GPL");
module_init(lostupd_init);
module_exit(lostupd_exit);
