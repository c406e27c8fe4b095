/* A misc device that copies to and from user memory the way drivers do, and says what the
 * copies returned. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

#define UBUF_GET   _IOR('u', 1, int)
#define UBUF_PUT   _IOW('u', 2, int)
#define UBUF_CLEAR _IO('u', 3)

static char data[64] = "0123456789abcdefghijklmnopqrstuvwxyz";
static int value = 42;

static ssize_t ubuf_read(struct file *f, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned long left;

	if (count > sizeof(data))
		count = sizeof(data);
	left = copy_to_user(buf, data, count);
	if (left) {
		pr_info("ubuf: read: copy_to_user left %lu of %zu bytes\n", left, count);
		return -EFAULT;
	}
	return count;
}

static ssize_t ubuf_write(struct file *f, const char __user *buf, size_t count, loff_t *ppos)
{
	char kbuf[16];
	unsigned long left;

	if (count > sizeof(kbuf))
		count = sizeof(kbuf);
	left = copy_from_user(kbuf, buf, count);
	if (left) {
		/* copy_from_user zeroes what it could not copy */
		pr_info("ubuf: write: copy_from_user left %lu of %zu bytes, kbuf[%zu] = %d\n",
			left, count, count - 1, kbuf[count - 1]);
		return -EFAULT;
	}
	return count;
}

static long ubuf_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int v = -1;
	int err;

	switch (cmd) {
	case UBUF_GET:
		err = get_user(v, p);
		pr_info("ubuf: get_user: %d, value %d\n", err, v);
		return err;
	case UBUF_PUT:
		err = put_user(value, p);
		pr_info("ubuf: put_user: %d\n", err);
		return err;
	case UBUF_CLEAR:
		pr_info("ubuf: clear_user left %lu of 8 bytes\n", clear_user((void __user *)arg, 8));
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations ubuf_fops = {
	.owner = THIS_MODULE,
	.read = ubuf_read,
	.write = ubuf_write,
	.unlocked_ioctl = ubuf_ioctl,
};

static struct miscdevice ubuf_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ubuf",
	.fops = &ubuf_fops,
};

static int __init ubuf_init(void)
{
	return misc_register(&ubuf_dev);
}

static void __exit ubuf_exit(void)
{
	misc_deregister(&ubuf_dev);
}

module_init(ubuf_init);
module_exit(ubuf_exit);
MODULE_LICENSE("GPL");
