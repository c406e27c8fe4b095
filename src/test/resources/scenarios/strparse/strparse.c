/*
 * strparse: a misc device that takes one command per write(), the way sysfs and debugfs
 * "store" handlers parse what user space writes: strict integer parsing with kstrto*(),
 * sscanf() for a pair, kstrtobool() for on/off, and a name kept with kstrdup(). Reading
 * the device returns the current state, formatted with scnprintf().
 *
 *   echo "set 0x1f" > /dev/strparse     value = 31
 *   echo "set 12abc" > /dev/strparse    -EINVAL: not a number
 *   echo "u8 300" > /dev/strparse       -ERANGE: does not fit in a u8
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

static int value;
static bool enabled;
static char *name;

static struct miscdevice strparse_dev;

static ssize_t strparse_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
{
	char *buf, *cur, *cmd, *arg;
	ssize_t ret = len;
	int err;

	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	cur = strim(buf);
	cmd = strsep(&cur, " ");
	arg = cur ? skip_spaces(cur) : "";

	if (!strcmp(cmd, "set")) {
		err = kstrtoint(arg, 0, &value);
		if (err) {
			dev_err(strparse_dev.this_device, "set: '%s' is not an int (%d)\n", arg, err);
			ret = err;
		} else {
			dev_info(strparse_dev.this_device, "value = %d\n", value);
		}
	} else if (!strcmp(cmd, "u8")) {
		u8 v = 0;

		err = kstrtou8(arg, 10, &v);
		pr_info("strparse: u8 '%s': %d, %u\n", arg, err, v);
		if (err)
			ret = err;
	} else if (!strcmp(cmd, "enable")) {
		err = kstrtobool(arg, &enabled);
		pr_info("strparse: enable '%s': %d, enabled=%d\n", arg, err, enabled);
		if (err)
			ret = err;
	} else if (!strcmp(cmd, "pair")) {
		int a = -1, b = -1;
		int n = sscanf(arg, "%d,%d", &a, &b);

		pr_info("strparse: pair '%s': %d fields: %d %d\n", arg, n, a, b);
	} else if (!strcmp(cmd, "name")) {
		kfree(name);
		name = kstrdup(arg, GFP_KERNEL);
		pr_info("strparse: name '%s' (%zu bytes)\n", name, strlen(name));
	} else {
		pr_warn("strparse: unknown command '%s'\n", cmd);
		ret = -EINVAL;
	}
	kfree(buf);
	return ret;
}

static ssize_t strparse_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	char buf[64];
	int len;

	len = scnprintf(buf, sizeof(buf), "value=%d enabled=%d name=%s\n", value, enabled,
			name ? name : "(none)");
	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static const struct file_operations strparse_fops = {
	.owner = THIS_MODULE,
	.read = strparse_read,
	.write = strparse_write,
	.llseek = no_llseek,
};

static struct miscdevice strparse_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "strparse",
	.fops = &strparse_fops,
};

static int __init strparse_init(void)
{
	int ret = misc_register(&strparse_dev);

	if (ret)
		return ret;
	dev_info(strparse_dev.this_device, "ready\n");
	return 0;
}

static void __exit strparse_exit(void)
{
	kfree(name);
	misc_deregister(&strparse_dev);
}

module_init(strparse_init);
module_exit(strparse_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("parsing what user space writes: kstrto*, sscanf, strsep, strim");
