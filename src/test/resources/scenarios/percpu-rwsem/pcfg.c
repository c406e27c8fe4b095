/*
 * pcfg: a two-word configuration read often and written rarely, behind a
 * percpu_rw_semaphore. Readers (ioctl 1) only bump this CPU's read count while no writer is
 * about; the writer (ioctl 2) turns them to the slow path, blocks new ones and waits for the
 * count summed over the CPUs to drop to zero before it writes both words. A reader sleeps
 * (arg ms) between reading the two words; had the writer not waited for it, it WARNs.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/percpu-rwsem.h>
#include <linux/delay.h>

DEFINE_STATIC_PERCPU_RWSEM(cfg_sem);
static unsigned long cfg_lo, cfg_hi;

static long pcfg_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long ret = 0;

	switch (cmd) {
	case 1:
		percpu_down_read(&cfg_sem);
		ret = cfg_lo;
		/* a reader may sleep: the writer must wait for it */
		msleep(arg);
		WARN_ON(cfg_hi != ret);
		percpu_up_read(&cfg_sem);
		break;
	case 2:
		percpu_down_write(&cfg_sem);
		cfg_lo = arg;
		cfg_hi = arg;
		percpu_up_write(&cfg_sem);
		break;
	default:
		ret = -EINVAL;
	}
	return ret;
}

static const struct file_operations pcfg_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = pcfg_ioctl,
};

static struct miscdevice pcfg_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pcfg",
	.fops = &pcfg_fops,
};

static int __init pcfg_init(void)
{
	return misc_register(&pcfg_misc);
}

static void __exit pcfg_exit(void)
{
	misc_deregister(&pcfg_misc);
}

module_init(pcfg_init);
module_exit(pcfg_exit);
MODULE_LICENSE("GPL");
