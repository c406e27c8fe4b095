/*
 * rtdemo: one driver, three locking patterns, to be run under --preempt voluntary and under
 * --preempt rt (PREEMPT_RT). Build options choose what write() on /dev/rtdemo does:
 *
 *   (default)        write() updates a counter under dev_lock (a spinlock_t) for 5 ms with
 *                    plain spin_lock(), no _irqsave, while the interrupt handler of irq 5
 *                    takes the same lock.
 *   -DSLEEP_IN_LOCK  write() sleeps (msleep, "waiting for the hardware") inside the
 *                    spin_lock(&dev_lock) section.
 *   -DRAW_OUTER      write() takes dev_lock inside a raw_spinlock_t section (hw_lock).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/printk.h>

#define RTDEMO_IRQ 5

static DEFINE_SPINLOCK(dev_lock);
static DEFINE_RAW_SPINLOCK(hw_lock);
static unsigned long irq_count;
static unsigned long write_count;

static irqreturn_t rtdemo_interrupt(int irq, void *dev_id)
{
	spin_lock(&dev_lock);
	irq_count++;
	spin_unlock(&dev_lock);
	return IRQ_HANDLED;
}

static ssize_t rtdemo_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#if defined(SLEEP_IN_LOCK)
	spin_lock(&dev_lock);
	write_count++;
	msleep(10);		/* waiting for the hardware, lock held */
	spin_unlock(&dev_lock);
#elif defined(RAW_OUTER)
	raw_spin_lock(&hw_lock);
	spin_lock(&dev_lock);
	write_count++;
	spin_unlock(&dev_lock);
	raw_spin_unlock(&hw_lock);
#else
	spin_lock(&dev_lock);	/* no _irqsave, though the handler takes dev_lock too */
	write_count++;
	mdelay(5);		/* a long critical section: talking to the hardware */
	spin_unlock(&dev_lock);
#endif
	return len;
}

static int rtdemo_release(struct inode *inode, struct file *filp)
{
	spin_lock(&dev_lock);
	pr_info("rtdemo: %lu writes, %lu interrupts\n", write_count, irq_count);
	spin_unlock(&dev_lock);
	return 0;
}

static const struct file_operations rtdemo_fops = {
	.owner = THIS_MODULE,
	.write = rtdemo_write,
	.release = rtdemo_release,
};

static struct miscdevice rtdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "rtdemo",
	.fops = &rtdemo_fops,
};

static int __init rtdemo_init(void)
{
	int ret;

	ret = request_irq(RTDEMO_IRQ, rtdemo_interrupt, 0, "rtdemo", &rtdemo_dev);
	if (ret)
		return ret;
	ret = misc_register(&rtdemo_dev);
	if (ret) {
		free_irq(RTDEMO_IRQ, &rtdemo_dev);
		return ret;
	}
	return 0;
}

static void __exit rtdemo_exit(void)
{
	misc_deregister(&rtdemo_dev);
	free_irq(RTDEMO_IRQ, &rtdemo_dev);
}

MODULE_LICENSE("GPL");
module_init(rtdemo_init);
module_exit(rtdemo_exit);
