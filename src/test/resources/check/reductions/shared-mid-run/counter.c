#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lock0);
static int count;

static irqreturn_t dev_irq(int irq, void *dev_id)
{
	long v = 0;
	unsigned long flags0;

	spin_lock(&lock0);
	count++;
	spin_unlock(&lock0);
	spin_lock_irqsave(&lock0, flags0);
	v += count;
	count++;
	spin_unlock_irqrestore(&lock0, flags0);
	(void)v;
	return IRQ_HANDLED;
}

static long dev_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	long v = 0;

	if (cmd == 1) {
		spin_lock(&lock0);
		count++;
		spin_unlock(&lock0);
	} else {
		spin_lock_bh(&lock0);
		v += count;
		count++;
		spin_unlock_bh(&lock0);
		count++;
	}
	return v & 1;
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
	int ret;

	ret = request_irq(7, dev_irq, 0, "propdev", &dev_misc);
	if (ret)
		return ret;
	ret = misc_register(&dev_misc);
	return ret;
}

MODULE_LICENSE("GPL");
module_init(dev_init);