/*
 * The interrupt handler takes lock1, nests lock0 in it and returns still holding lock1 (the
 * bug); the ioctl takes lock0 and nests lock1. When the interrupt comes before the ioctl, the
 * ioctl's lock1 is taken again while the handler's is held: lockdep's recursive locking. The
 * ioctl's chain lock0 -> lock1 is the same whether or not the handler leaked lock1 first.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lock0);
static DEFINE_SPINLOCK(lock1);
static int count;

static irqreturn_t dev_irq(int irq, void *dev_id)
{
	unsigned long flags;

	spin_lock(&lock1);		/* never released */
	spin_lock_irqsave(&lock0, flags);
	count++;
	spin_unlock_irqrestore(&lock0, flags);
	return IRQ_HANDLED;
}

static long dev_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	spin_lock(&lock0);
	spin_lock_bh(&lock1);
	count++;
	spin_unlock_bh(&lock1);
	spin_unlock(&lock0);
	return 0;
}

static const struct file_operations dev_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = dev_ioctl,
};

static struct miscdevice dev_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "propdev",
	.fops = &dev_fops,
};

static int __init dev_init(void)
{
	int ret = request_irq(5, dev_irq, 0, "propdev", &dev_misc);

	if (ret)
		return ret;
	return misc_register(&dev_misc);
}

MODULE_LICENSE("GPL");
module_init(dev_init);
