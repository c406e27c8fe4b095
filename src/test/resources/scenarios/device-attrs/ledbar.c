/*
 * ledbar: a pretend LED bar as tutorials write their first "sysfs for a char device" driver.
 * A class made with class_create() (the one-argument form since 6.4, the two-argument form
 * before, chosen on LINUX_VERSION_CODE), a device node /dev/ledbar0 made world-writable by
 * the class's devnode(), and attributes in /sys/class/ledbar/ledbar0/:
 *   brightness  DEVICE_ATTR_RW, added with device_create_file()
 *   max         DEVICE_ATTR_RO, from the class's dev_groups (ATTRIBUTE_GROUPS)
 *   blink       DEVICE_ATTR_WO, in a named group "trigger" added with device_add_group()
 * A misc device /dev/ledctl with .mode and .groups has "count" in /sys/class/misc/ledctl/.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/version.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/kstrtox.h>
#include <linux/mutex.h>

#define LEDBAR_MAX 255

static dev_t ledbar_devt;
static struct cdev ledbar_cdev;
static struct class *ledbar_class;
static struct device *ledbar_dev;
static DEFINE_MUTEX(ledbar_lock);
static unsigned int brightness = 10;
static unsigned int blinks;
static unsigned int writes;

static ssize_t brightness_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", brightness);
}

static ssize_t brightness_store(struct device *dev, struct device_attribute *attr, const char *buf,
				size_t count)
{
	unsigned int v;
	int ret = kstrtouint(buf, 0, &v);

	if (ret)
		return ret;
	if (v > LEDBAR_MAX)
		return -EINVAL;
	mutex_lock(&ledbar_lock);
	brightness = v;
	mutex_unlock(&ledbar_lock);
	dev_info(dev, "brightness set to %u\n", v);
	return count;
}
static DEVICE_ATTR_RW(brightness);

static ssize_t max_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", LEDBAR_MAX);
}
static DEVICE_ATTR_RO(max);

static struct attribute *ledbar_attrs[] = {
	&dev_attr_max.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ledbar);

static ssize_t blink_store(struct device *dev, struct device_attribute *attr, const char *buf,
			   size_t count)
{
	blinks++;
	dev_info(dev, "blink %u (%s)\n", blinks, dev_name(dev));
	return count;
}
static DEVICE_ATTR_WO(blink);

static struct attribute *trigger_attrs[] = {
	&dev_attr_blink.attr,
	NULL,
};

static const struct attribute_group trigger_group = {
	.name = "trigger",
	.attrs = trigger_attrs,
};

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
static char *ledbar_devnode(const struct device *dev, umode_t *mode)
#else
static char *ledbar_devnode(struct device *dev, umode_t *mode)
#endif
{
	if (mode)
		*mode = 0666;
	return NULL;
}

static ssize_t ledbar_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	mutex_lock(&ledbar_lock);
	writes++;
	mutex_unlock(&ledbar_lock);
	return count;
}

static const struct file_operations ledbar_fops = {
	.owner = THIS_MODULE,
	.write = ledbar_write,
};

static ssize_t count_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u writes\n", writes);
}
static DEVICE_ATTR_RO(count);

static struct attribute *ledctl_attrs[] = {
	&dev_attr_count.attr,
	NULL,
};
ATTRIBUTE_GROUPS(ledctl);

static struct miscdevice ledctl_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ledctl",
	.fops = &ledbar_fops,
	.mode = 0666,
	.groups = ledctl_groups,
};

static int __init ledbar_init(void)
{
	int ret;

	ret = alloc_chrdev_region(&ledbar_devt, 0, 1, "ledbar");
	if (ret)
		return ret;
	cdev_init(&ledbar_cdev, &ledbar_fops);
	ret = cdev_add(&ledbar_cdev, ledbar_devt, 1);
	if (ret)
		goto out_region;
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
	ledbar_class = class_create("ledbar");
#else
	ledbar_class = class_create(THIS_MODULE, "ledbar");
#endif
	if (IS_ERR(ledbar_class)) {
		ret = PTR_ERR(ledbar_class);
		goto out_cdev;
	}
	ledbar_class->devnode = ledbar_devnode;
	ledbar_class->dev_groups = ledbar_groups;
	ledbar_dev = device_create(ledbar_class, NULL, ledbar_devt, NULL, "ledbar%d", 0);
	if (IS_ERR(ledbar_dev)) {
		ret = PTR_ERR(ledbar_dev);
		goto out_class;
	}
	ret = device_create_file(ledbar_dev, &dev_attr_brightness);
	if (ret)
		goto out_device;
	ret = device_add_group(ledbar_dev, &trigger_group);
	if (ret)
		goto out_file;
	ret = misc_register(&ledctl_misc);
	if (ret)
		goto out_group;
	dev_info(ledbar_dev, "ready, major %d\n", MAJOR(ledbar_devt));
	return 0;

out_group:
	device_remove_group(ledbar_dev, &trigger_group);
out_file:
	device_remove_file(ledbar_dev, &dev_attr_brightness);
out_device:
	device_destroy(ledbar_class, ledbar_devt);
out_class:
	class_destroy(ledbar_class);
out_cdev:
	cdev_del(&ledbar_cdev);
out_region:
	unregister_chrdev_region(ledbar_devt, 1);
	return ret;
}

static void __exit ledbar_exit(void)
{
	misc_deregister(&ledctl_misc);
	device_remove_group(ledbar_dev, &trigger_group);
	device_remove_file(ledbar_dev, &dev_attr_brightness);
	device_destroy(ledbar_class, ledbar_devt);
	class_destroy(ledbar_class);
	cdev_del(&ledbar_cdev);
	unregister_chrdev_region(ledbar_devt, 1);
	pr_info("ledbar: %u blinks, brightness %u at exit\n", blinks, brightness);
}

module_init(ledbar_init);
module_exit(ledbar_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("device attributes on a class device and a misc device");
