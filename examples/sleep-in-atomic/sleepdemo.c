/*
 * sleepdemo: sleeping while holding a spinlock.
 *
 * write() takes dev_lock and waits for the "hardware" with msleep(): msleep() schedules
 * with preempt_count 1 (the lock's preempt_disable()), and __schedule() reports
 * "BUG: scheduling while atomic".
 *
 * ioctl(SLEEPDEMO_SET_CONFIG) takes dev_lock and copies the new configuration from user
 * space with copy_from_user(), which may fault a page in and sleep; its might_sleep()
 * check reports "BUG: sleeping function called from invalid context" even though this
 * particular copy does not sleep.
 *
 * Built with -DFIXED, write() sleeps before taking the lock and ioctl() copies into a
 * local buffer first, then takes the lock only to publish it.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/delay.h>
#include <linux/printk.h>

struct sleepdemo_config {
	int mode;
	int threshold;
};

#define SLEEPDEMO_SET_CONFIG _IOW('s', 1, struct sleepdemo_config)

static spinlock_t dev_lock;
static struct sleepdemo_config config;
static unsigned long writes;

static ssize_t sleepdemo_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
#ifdef FIXED
	msleep(10);		/* wait for the hardware first ... */
	spin_lock(&dev_lock);	/* ... then lock only to update the state */
	writes++;
	spin_unlock(&dev_lock);
#else
	spin_lock(&dev_lock);
	writes++;
	msleep(10);		/* BUG: sleeps holding dev_lock */
	spin_unlock(&dev_lock);
#endif
	return len;
}

static long sleepdemo_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
#ifdef FIXED
	struct sleepdemo_config new_config;

	if (cmd != SLEEPDEMO_SET_CONFIG)
		return -ENOTTY;
	if (copy_from_user(&new_config, (const void __user *)arg, sizeof(new_config)))
		return -EFAULT;
	spin_lock(&dev_lock);
	config.mode = new_config.mode;
	config.threshold = new_config.threshold;
	spin_unlock(&dev_lock);
	return 0;
#else
	long ret = 0;

	if (cmd != SLEEPDEMO_SET_CONFIG)
		return -ENOTTY;
	spin_lock(&dev_lock);
	/* BUG: copy_from_user() may sleep */
	if (copy_from_user(&config, (const void __user *)arg, sizeof(config)))
		ret = -EFAULT;
	spin_unlock(&dev_lock);
	return ret;
#endif
}

static int sleepdemo_release(struct inode *inode, struct file *filp)
{
	spin_lock(&dev_lock);
	pr_info("sleepdemo: %lu writes, mode %d, threshold %d\n", writes, config.mode, config.threshold);
	spin_unlock(&dev_lock);
	return 0;
}

static const struct file_operations sleepdemo_fops = {
	.owner = THIS_MODULE,
	.write = sleepdemo_write,
	.unlocked_ioctl = sleepdemo_ioctl,
	.release = sleepdemo_release,
};

static struct miscdevice sleepdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sleepdemo",
	.fops = &sleepdemo_fops,
};

static int __init sleepdemo_init(void)
{
	spin_lock_init(&dev_lock);
	return misc_register(&sleepdemo_dev);
}

static void __exit sleepdemo_exit(void)
{
	misc_deregister(&sleepdemo_dev);
}

MODULE_LICENSE("GPL");
module_init(sleepdemo_init);
module_exit(sleepdemo_exit);
