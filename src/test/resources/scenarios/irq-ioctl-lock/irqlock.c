/*
 * irqlock: an interrupt handler and an ioctl share a lock, both with plain spin_lock().
 *
 * The ioctl takes stat_lock with interrupts enabled (HARDIRQ-ON-W), the handler of irq 42
 * takes it in hardirq context (IN-HARDIRQ-W): once lockdep has seen both, it reports
 * "inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage" whether or not the interrupt ever
 * arrives inside the ioctl's critical section on the same CPU (the deadlock it predicts).
 * The fix is spin_lock_irqsave() in the ioctl.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

#define IRQLOCK_IRQ 42

static DEFINE_SPINLOCK(stat_lock);
static unsigned long irqs, ioctls;

static irqreturn_t irqlock_interrupt(int irq, void *dev_id)
{
	spin_lock(&stat_lock);
	irqs++;
	spin_unlock(&stat_lock);
	return IRQ_HANDLED;
}

static long irqlock_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	spin_lock(&stat_lock);		/* should be spin_lock_irqsave() */
	ioctls++;
	spin_unlock(&stat_lock);
	return 0;
}

static const struct file_operations irqlock_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = irqlock_ioctl,
};

static struct miscdevice irqlock_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "irqlock",
	.fops = &irqlock_fops,
};

static int __init irqlock_init(void)
{
	int ret = request_irq(IRQLOCK_IRQ, irqlock_interrupt, 0, "irqlock", &irqlock_dev);

	if (ret)
		return ret;
	return misc_register(&irqlock_dev);
}

static void __exit irqlock_exit(void)
{
	misc_deregister(&irqlock_dev);
	free_irq(IRQLOCK_IRQ, &irqlock_dev);
}

MODULE_LICENSE("GPL");
module_init(irqlock_init);
module_exit(irqlock_exit);
