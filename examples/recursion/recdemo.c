/*
 * recdemo: the same spinlock taken twice in one call path.
 *
 * ioctl(RECDEMO_ADD) takes table_lock, then calls table_add(), a helper that takes
 * table_lock itself. The second spin_lock() finds the lock held - by the very task that
 * wants it - and spins: nothing can ever release it. CONFIG_DEBUG_SPINLOCK reports
 * "spinlock recursion" before spinning; the watchdog reports the soft lockup 20 s later.
 *
 * Built with -DFIXED, the ioctl calls __table_add(), the variant that documents "caller
 * holds table_lock" (the kernel's naming convention for such helpers), and all is well.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/printk.h>

#define RECDEMO_ADD _IO('r', 1)

static spinlock_t table_lock;
static unsigned long table_entries;
static unsigned long table_generation;

/* Caller holds table_lock. */
static void __table_add(void)
{
	table_entries++;
}

static void table_add(void)
{
	spin_lock(&table_lock);
	__table_add();
	spin_unlock(&table_lock);
}

static long recdemo_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	if (cmd != RECDEMO_ADD)
		return -ENOTTY;
	spin_lock(&table_lock);
	table_generation++;
#ifdef FIXED
	__table_add();
#else
	table_add();		/* BUG: takes table_lock again */
#endif
	spin_unlock(&table_lock);
	return 0;
}

static int recdemo_release(struct inode *inode, struct file *filp)
{
	spin_lock(&table_lock);
	pr_info("recdemo: %lu entries, generation %lu\n", table_entries, table_generation);
	spin_unlock(&table_lock);
	return 0;
}

static const struct file_operations recdemo_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = recdemo_ioctl,
	.release = recdemo_release,
};

static struct miscdevice recdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "recdemo",
	.fops = &recdemo_fops,
};

static int __init recdemo_init(void)
{
	spin_lock_init(&table_lock);
	return misc_register(&recdemo_dev);
}

static void __exit recdemo_exit(void)
{
	misc_deregister(&recdemo_dev);
}

MODULE_LICENSE("GPL");
module_init(recdemo_init);
module_exit(recdemo_exit);
