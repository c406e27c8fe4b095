#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lock0);
static DEFINE_SPINLOCK(lock1);
static int count;
static struct timer_list tmr;

static void tmr_fn(struct timer_list *t)
{
	long v = 0;
	unsigned long flags0;

	spin_lock_irqsave(&lock0, flags0);
	count++;
	count++;
	spin_unlock_irqrestore(&lock0, flags0);
	(void)v;
}

static long dev_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	long v = 0;

	if (cmd == 1) {
		mod_timer(&tmr, jiffies + 3);
		spin_lock(&lock0);
		spin_lock(&lock1);
		count++;
		count++;
		spin_unlock(&lock1);
		spin_unlock(&lock0);
		del_timer(&tmr);
	} else {
		spin_lock_irq(&lock1);
		count++;
		spin_unlock_irq(&lock1);
		v += count;
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

	timer_setup(&tmr, tmr_fn, 0);
	ret = misc_register(&dev_misc);
	return ret;
}

MODULE_LICENSE("GPL");
module_init(dev_init);
