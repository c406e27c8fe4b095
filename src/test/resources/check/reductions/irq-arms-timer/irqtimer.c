/*
 * irqtimer: a device interrupt whose handler starts a timer; the timer's callback bumps a
 * counter that write() resets. Without a lock the callback (softirq context) can interrupt
 * the reset: a data race. -DUSE_BH: the reset takes the lock with spin_lock_bh(), the
 * callback with spin_lock(), and the race is gone.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

#define DEV_IRQ 5

static DEFINE_SPINLOCK(count_lock);
static unsigned long count;
static struct timer_list count_timer;

static void count_timer_fn(struct timer_list *t)
{
#ifdef USE_BH
	spin_lock(&count_lock);
#endif
	count++;
#ifdef USE_BH
	spin_unlock(&count_lock);
#endif
}

static irqreturn_t irqtimer_interrupt(int irq, void *dev_id)
{
	mod_timer(&count_timer, jiffies);	/* the rest of the work, in softirq context */
	return IRQ_HANDLED;
}

static ssize_t irqtimer_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#ifdef USE_BH
	spin_lock_bh(&count_lock);
#endif
	count = 0;
#ifdef USE_BH
	spin_unlock_bh(&count_lock);
#endif
	return len;
}

static const struct file_operations irqtimer_fops = {
	.owner = THIS_MODULE,
	.write = irqtimer_write,
};

static struct miscdevice irqtimer_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "irqtimer",
	.fops = &irqtimer_fops,
};

static int __init irqtimer_init(void)
{
	int ret;

	timer_setup(&count_timer, count_timer_fn, 0);
	ret = request_irq(DEV_IRQ, irqtimer_interrupt, 0, "irqtimer", &irqtimer_dev);
	if (ret)
		return ret;
	return misc_register(&irqtimer_dev);
}

static void __exit irqtimer_exit(void)
{
	misc_deregister(&irqtimer_dev);
	free_irq(DEV_IRQ, &irqtimer_dev);
	del_timer_sync(&count_timer);
}

MODULE_LICENSE("GPL");
module_init(irqtimer_init);
module_exit(irqtimer_exit);
