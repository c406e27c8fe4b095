/*
 * quiesce: an ioctl that shuts the device's interrupt out while it resets the counters the
 * handler updates, with disable_irq() and enable_irq().
 *
 * disable_irq() waits until the handler has returned on every CPU. The ioctl calls it while
 * it holds the lock the handler takes: a handler already running on the other CPU spins on
 * that lock, and the ioctl waits for the handler, forever (the hazard kernel/irq/manage.c's
 * synchronize_irq() warns of). With -DFIXED the ioctl disables the line first and takes the
 * lock after, as drivers do.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

#define QUIESCE_IRQ 42

static DEFINE_SPINLOCK(count_lock);
static unsigned long handled, resets;

static irqreturn_t quiesce_interrupt(int irq, void *dev_id)
{
	spin_lock(&count_lock);
	handled++;
	spin_unlock(&count_lock);
	return IRQ_HANDLED;
}

static long quiesce_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	unsigned long flags;

#ifdef FIXED
	disable_irq(QUIESCE_IRQ);
	spin_lock_irqsave(&count_lock, flags);
#else
	spin_lock_irqsave(&count_lock, flags);
	disable_irq(QUIESCE_IRQ);	/* waits for a handler that waits for count_lock */
#endif
	resets++;
	spin_unlock_irqrestore(&count_lock, flags);
	enable_irq(QUIESCE_IRQ);
	return 0;
}

static const struct file_operations quiesce_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = quiesce_ioctl,
};

static struct miscdevice quiesce_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "quiesce",
	.fops = &quiesce_fops,
};

static int __init quiesce_init(void)
{
	int ret = request_irq(QUIESCE_IRQ, quiesce_interrupt, 0, "quiesce", &quiesce_dev);

	if (ret)
		return ret;
	return misc_register(&quiesce_dev);
}

static void __exit quiesce_exit(void)
{
	misc_deregister(&quiesce_dev);
	free_irq(QUIESCE_IRQ, &quiesce_dev);
	pr_info("quiesce: %lu interrupts handled, %lu resets\n", handled, resets);
	/* a second enable: the kernel's "Unbalanced enable" warning */
#ifdef UNBALANCED
	enable_irq(QUIESCE_IRQ);
#endif
}

MODULE_LICENSE("GPL");
module_init(quiesce_init);
module_exit(quiesce_exit);
