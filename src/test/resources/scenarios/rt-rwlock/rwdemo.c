/*
 * rwdemo: an rwlock_t under PREEMPT_RT, where it is a sleeping reader-writer lock. Readers
 * (read()) look at a pair of counters twice across a 1 ms delay; writers (write()) bump both
 * under write_lock(). A reader that saw the pair change, or the pair out of step, would mean
 * a writer got in beside it.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/printk.h>

static DEFINE_RWLOCK(pair_lock);
static unsigned long pair_a, pair_b;
static unsigned long reads, writes, torn;

static ssize_t rwdemo_read(struct file *filp, char __user *buf, size_t len, loff_t *ppos)
{
	unsigned long a, b;

	read_lock(&pair_lock);
	a = pair_a;
	mdelay(1);
	b = pair_b;
	if (a != b || a != pair_a)
		torn++;
	reads++;
	read_unlock(&pair_lock);
	return 0;
}

static ssize_t rwdemo_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
	write_lock(&pair_lock);
	pair_a++;
	mdelay(1);
	pair_b++;
	writes++;
	write_unlock(&pair_lock);
	return len;
}

static const struct file_operations rwdemo_fops = {
	.owner = THIS_MODULE,
	.read = rwdemo_read,
	.write = rwdemo_write,
};

static struct miscdevice rwdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "rwdemo",
	.fops = &rwdemo_fops,
};

static int __init rwdemo_init(void)
{
	return misc_register(&rwdemo_dev);
}

static void __exit rwdemo_exit(void)
{
	misc_deregister(&rwdemo_dev);
	pr_info("rwdemo: %lu reads, %lu writes, %lu torn, pair %lu/%lu\n", reads, writes, torn, pair_a, pair_b);
}

MODULE_LICENSE("GPL");
module_init(rwdemo_init);
module_exit(rwdemo_exit);
