// A device interrupt arms a timer whose callback counts under stats_lock; the ioctl reads
// the count without it. The read races with the timer's softirq on the same CPU.
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(stats_lock);
static unsigned int flushes;
static struct timer_list flush_timer;

static void flush_fn(struct timer_list *t)
{
	spin_lock(&stats_lock);
	flushes++;
	spin_unlock(&stats_lock);
}

static irqreturn_t flush_irq(int irq, void *dev_id)
{
	mod_timer(&flush_timer, jiffies + 1);
	return IRQ_HANDLED;
}

static long flush_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	return flushes;
}

static const struct file_operations flush_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = flush_ioctl,
};

static struct miscdevice flush_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "flushdev",
	.fops = &flush_fops,
};

static int __init flush_init(void)
{
	int ret;

	timer_setup(&flush_timer, flush_fn, 0);
	ret = request_irq(5, flush_irq, 0, "flushdev", &flush_misc);
	if (ret)
		return ret;
	return misc_register(&flush_misc);
}

static void __exit flush_exit(void)
{
	misc_deregister(&flush_misc);
	free_irq(5, &flush_misc);
	del_timer_sync(&flush_timer);
}

MODULE_LICENSE("GPL");
module_init(flush_init);
module_exit(flush_exit);
