/*
 * A lock cycle that needs three CPUs: three ioctls each take two of three spinlocks, in the
 * orders inode -> dentry, dentry -> super, super -> inode. Each pair of them alone is a
 * consistent order, so two CPUs never deadlock: whichever two of the three calls run at once,
 * one of them finds its second lock free. With all three running, each can hold its first lock
 * and spin on the next one's. Lockdep sees the cycle from any one schedule of the three calls.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(inode_lock);
static DEFINE_SPINLOCK(dentry_lock);
static DEFINE_SPINLOCK(super_lock);
static int renames;

static void nested(spinlock_t *outer, spinlock_t *inner)
{
	spin_lock(outer);
	spin_lock(inner);
	renames++;
	spin_unlock(inner);
	spin_unlock(outer);
}

static long cycle_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case 1:
		nested(&inode_lock, &dentry_lock);
		return 0;
	case 2:
		nested(&dentry_lock, &super_lock);
		return 0;
	case 3:
		nested(&super_lock, &inode_lock);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations cycle_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = cycle_ioctl,
};

static struct miscdevice cycle_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "cycle",
	.fops = &cycle_fops,
};

static int __init cycle_init(void)
{
	return misc_register(&cycle_dev);
}

static void __exit cycle_exit(void)
{
	misc_deregister(&cycle_dev);
}

MODULE_LICENSE("GPL");
module_init(cycle_init);
module_exit(cycle_exit);
