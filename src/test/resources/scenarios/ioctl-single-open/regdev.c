/*
 * regdev: a register file behind a character device, the way LDD3-style drivers are written:
 *   - alloc_chrdev_region + a cdev embedded in the device structure; open() finds the device
 *     with container_of(inode->i_cdev, ...) and keeps it in file->private_data;
 *   - single open: an atomic_t counter, a second open gets -EBUSY;
 *   - try_module_get()/module_put() around the open file, as drivers that hand out references
 *     do;
 *   - .unlocked_ioctl with _IO/_IOR/_IOW/_IOWR commands, copy_to_user/copy_from_user,
 *     -ENOTTY for an unknown command; .llseek = fixed_size_llseek over the register file,
 *     read() returns the registers as bytes from f_pos;
 *   - timing helpers: ktime_get_ns(), jiffies_to_msecs(), msleep_interruptible().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/uaccess.h>
#include <linux/atomic.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/mutex.h>
#include "regdev.h"

struct regdev {
	u32 regs[REGDEV_NREGS];
	atomic_t open_count;
	struct mutex lock;
	struct cdev cdev;
	u64 opened_ns;
};

static dev_t regdev_devt;
static struct regdev *regdev;
static struct class *regdev_class;

static int regdev_open(struct inode *inode, struct file *file)
{
	struct regdev *dev = container_of(inode->i_cdev, struct regdev, cdev);

	if (atomic_cmpxchg(&dev->open_count, 0, 1) != 0) {
		pr_info("regdev: busy (pid %d)\n", current->pid);
		return -EBUSY;
	}
	if (!try_module_get(THIS_MODULE)) {
		atomic_set(&dev->open_count, 0);
		return -ENODEV;
	}
	dev->opened_ns = ktime_get_ns();
	file->private_data = dev;
	pr_info("regdev: opened minor %d\n", iminor(inode));
	return 0;
}

static int regdev_release(struct inode *inode, struct file *file)
{
	struct regdev *dev = file->private_data;

	pr_info("regdev: released after %llu ms\n",
		(unsigned long long)((ktime_get_ns() - dev->opened_ns) / NSEC_PER_MSEC));
	atomic_set(&dev->open_count, 0);
	module_put(THIS_MODULE);
	return 0;
}

static ssize_t regdev_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct regdev *dev = file->private_data;
	ssize_t ret;

	mutex_lock(&dev->lock);
	ret = simple_read_from_buffer(buf, count, ppos, dev->regs, sizeof(dev->regs));
	mutex_unlock(&dev->lock);
	return ret;
}

static loff_t regdev_llseek(struct file *file, loff_t off, int whence)
{
	return fixed_size_llseek(file, off, whence, sizeof(regdev->regs));
}

static long regdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct regdev *dev = file->private_data;
	void __user *uarg = (void __user *)arg;
	struct regdev_reg r;
	int count;

	if (_IOC_TYPE(cmd) != REGDEV_MAGIC)
		return -ENOTTY;
	switch (cmd) {
	case REGDEV_RESET:
		mutex_lock(&dev->lock);
		memset(dev->regs, 0, sizeof(dev->regs));
		mutex_unlock(&dev->lock);
		/* a reset takes the hardware a while */
		if (msleep_interruptible(30))
			return -EINTR;
		return 0;
	case REGDEV_GET:
		if (copy_from_user(&r, uarg, sizeof(r)))
			return -EFAULT;
		if (r.index >= REGDEV_NREGS)
			return -EINVAL;
		r.value = dev->regs[r.index];
		return copy_to_user(uarg, &r, sizeof(r)) ? -EFAULT : 0;
	case REGDEV_SET:
		if (copy_from_user(&r, uarg, sizeof(r)))
			return -EFAULT;
		if (r.index >= REGDEV_NREGS)
			return -EINVAL;
		mutex_lock(&dev->lock);
		dev->regs[r.index] = r.value;
		mutex_unlock(&dev->lock);
		return 0;
	case REGDEV_COUNT:
		count = REGDEV_NREGS;
		return put_user(count, (int __user *)uarg);
	default:
		return -ENOTTY;
	}
}

static const struct file_operations regdev_fops = {
	.owner = THIS_MODULE,
	.open = regdev_open,
	.release = regdev_release,
	.read = regdev_read,
	.llseek = regdev_llseek,
	.unlocked_ioctl = regdev_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static int __init regdev_init(void)
{
	struct device *d;
	int ret;

	ret = alloc_chrdev_region(&regdev_devt, 0, 1, "regdev");
	if (ret < 0)
		return ret;
	regdev = kzalloc(sizeof(*regdev), GFP_KERNEL);
	if (!regdev) {
		ret = -ENOMEM;
		goto out_region;
	}
	mutex_init(&regdev->lock);
	atomic_set(&regdev->open_count, 0);
	cdev_init(&regdev->cdev, &regdev_fops);
	regdev->cdev.owner = THIS_MODULE;
	ret = cdev_add(&regdev->cdev, regdev_devt, 1);
	if (ret)
		goto out_free;
	regdev_class = class_create("regdev");
	if (IS_ERR(regdev_class)) {
		ret = PTR_ERR(regdev_class);
		goto out_cdev;
	}
	d = device_create(regdev_class, NULL, regdev_devt, NULL, "regdev");
	if (IS_ERR(d)) {
		ret = PTR_ERR(d);
		goto out_class;
	}
	pr_info("regdev: registered %d:%d at %u ms\n", MAJOR(regdev_devt), MINOR(regdev_devt),
		jiffies_to_msecs(jiffies));
	return 0;

out_class:
	class_destroy(regdev_class);
out_cdev:
	cdev_del(&regdev->cdev);
out_free:
	kfree(regdev);
out_region:
	unregister_chrdev_region(regdev_devt, 1);
	return ret;
}

static void __exit regdev_exit(void)
{
	device_destroy(regdev_class, regdev_devt);
	class_destroy(regdev_class);
	cdev_del(&regdev->cdev);
	kfree(regdev);
	unregister_chrdev_region(regdev_devt, 1);
	pr_info("regdev: unloaded\n");
}

module_init(regdev_init);
module_exit(regdev_exit);
MODULE_LICENSE("GPL");
