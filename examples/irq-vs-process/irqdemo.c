/*
 * irqdemo: one spinlock shared by an interrupt handler and a system call.
 *
 * The device raises irq 5; irqdemo_interrupt() counts the interrupt under dev_lock.
 * A process write()s to /dev/irqdemo in a loop; irqdemo_write() updates the same
 * counters under dev_lock with a long critical section (mdelay).
 *
 * Built plain, the write path takes dev_lock with spin_lock(): interrupts stay enabled
 * while the lock is held, so the device interrupt can arrive on the same CPU inside the
 * critical section, and the handler spins on a lock its own CPU holds.
 * Built with -DUSE_IRQSAVE, the write path uses spin_lock_irqsave(): the interrupt stays
 * pending until spin_unlock_irqrestore() and is taken after the lock is free.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/printk.h>

#define IRQDEMO_IRQ 5

static spinlock_t dev_lock;
static unsigned long irq_count;
static unsigned long write_count;

static irqreturn_t irqdemo_interrupt(int irq, void *dev_id)
{
	spin_lock(&dev_lock);
	irq_count++;
	spin_unlock(&dev_lock);
	return IRQ_HANDLED;
}

static ssize_t irqdemo_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#ifdef USE_IRQSAVE
	unsigned long flags;

	spin_lock_irqsave(&dev_lock, flags);
#else
	spin_lock(&dev_lock);
#endif
	write_count++;
	mdelay(5);		/* a long critical section: "talking to the hardware" */
#ifdef USE_IRQSAVE
	spin_unlock_irqrestore(&dev_lock, flags);
#else
	spin_unlock(&dev_lock);
#endif
	return len;
}

static int irqdemo_release(struct inode *inode, struct file *filp)
{
	unsigned long flags;

	spin_lock_irqsave(&dev_lock, flags);
	pr_info("irqdemo: %lu writes, %lu interrupts\n", write_count, irq_count);
	spin_unlock_irqrestore(&dev_lock, flags);
	return 0;
}

static const struct file_operations irqdemo_fops = {
	.owner = THIS_MODULE,
	.write = irqdemo_write,
	.release = irqdemo_release,
};

static struct miscdevice irqdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "irqdemo",
	.fops = &irqdemo_fops,
};

static int __init irqdemo_init(void)
{
	int ret;

	spin_lock_init(&dev_lock);
	ret = request_irq(IRQDEMO_IRQ, irqdemo_interrupt, 0, "irqdemo", &irqdemo_dev);
	if (ret)
		return ret;
	ret = misc_register(&irqdemo_dev);
	if (ret) {
		free_irq(IRQDEMO_IRQ, &irqdemo_dev);
		return ret;
	}
#ifdef USE_IRQSAVE
	pr_info("irqdemo: loaded (write path uses spin_lock_irqsave)\n");
#else
	pr_info("irqdemo: loaded (write path uses spin_lock)\n");
#endif
	return 0;
}

static void __exit irqdemo_exit(void)
{
	misc_deregister(&irqdemo_dev);
	free_irq(IRQDEMO_IRQ, &irqdemo_dev);
}

MODULE_LICENSE("GPL");
module_init(irqdemo_init);
module_exit(irqdemo_exit);
