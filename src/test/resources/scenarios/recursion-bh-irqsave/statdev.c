// An ioctl takes stat_lock with spin_lock_bh() and then, further down the same path, with
// spin_lock_irqsave() while still holding it: recursion on one CPU. Another program's ioctl
// takes only the inner lock.
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(stat_lock);
static DEFINE_SPINLOCK(bucket_lock);
static int hits;

static long stat_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	unsigned long flags;
	long v = 0;

	if (cmd == 1) {
		spin_lock(&bucket_lock);
		v = hits;
		spin_unlock(&bucket_lock);
		return v & 1;
	}
	spin_lock_bh(&stat_lock);
	spin_lock(&bucket_lock);
	hits++;
	spin_unlock(&bucket_lock);
	spin_lock_irqsave(&stat_lock, flags);	/* already held: spins on itself */
	hits++;
	spin_unlock_irqrestore(&stat_lock, flags);
	spin_unlock_bh(&stat_lock);
	return 0;
}

static const struct file_operations stat_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = stat_ioctl,
};

static struct miscdevice stat_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "statdev",
	.fops = &stat_fops,
};

static int __init stat_init(void)
{
	return misc_register(&stat_misc);
}

MODULE_LICENSE("GPL");
module_init(stat_init);
