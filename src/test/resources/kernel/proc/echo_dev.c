/* A misc device that keeps the last string written and returns it on read; ioctl 1 returns its length. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/spinlock.h>

static char buf[64];
static int len;
static DEFINE_SPINLOCK(buf_lock);

static ssize_t echo_write(struct file *f, const char __user *ubuf, size_t n, loff_t *pos)
{
	char tmp[64];
	if (n > sizeof(tmp))
		n = sizeof(tmp);
	if (copy_from_user(tmp, ubuf, n))
		return -EFAULT;
	spin_lock(&buf_lock);
	memcpy(buf, tmp, n);
	len = n;
	spin_unlock(&buf_lock);
	return n;
}

static ssize_t echo_read(struct file *f, char __user *ubuf, size_t n, loff_t *pos)
{
	char tmp[64];
	int l;
	spin_lock(&buf_lock);
	l = len < n ? len : n;
	memcpy(tmp, buf, l);
	spin_unlock(&buf_lock);
	if (copy_to_user(ubuf, tmp, l))
		return -EFAULT;
	return l;
}

static long echo_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (cmd != 1)
		return -ENOTTY;
	return len;
}

static const struct file_operations echo_fops = {
	.owner = THIS_MODULE,
	.read = echo_read,
	.write = echo_write,
	.unlocked_ioctl = echo_ioctl,
};

static struct miscdevice echo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "echo",
	.fops = &echo_fops,
};

static int __init echo_init(void)
{
	pr_info("echo: registered\n");
	return misc_register(&echo_misc);
}
module_init(echo_init);
MODULE_LICENSE("GPL");
