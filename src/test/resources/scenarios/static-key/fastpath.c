/*
 * fastpath: a static key switched from user space, in the style of the tutorials' static key
 * example. Each read takes the fast path unless the key is on; writing "enable" or "disable"
 * to /dev/fastpath flips it with static_branch_enable()/disable(); a second, default-true key
 * counts with static_branch_inc()/dec().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/jump_label.h>
#include <linux/uaccess.h>
#include <linux/string.h>

static DEFINE_STATIC_KEY_FALSE(slow_key);
static DEFINE_STATIC_KEY_TRUE(trace_key);
static int slow_reads, fast_reads;

static ssize_t fastpath_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char msg[64];
	int len;

	if (static_branch_unlikely(&slow_key))
		slow_reads++;
	else
		fast_reads++;
	len = scnprintf(msg, sizeof(msg), "slow %d fast %d trace %s\n", slow_reads, fast_reads,
			static_branch_likely(&trace_key) ? "on" : "off");
	return simple_read_from_buffer(buf, count, ppos, msg, len);
}

static ssize_t fastpath_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char cmd[16] = { 0 };

	if (count >= sizeof(cmd) || copy_from_user(cmd, buf, count))
		return -EINVAL;
	if (!strncmp(cmd, "enable", 6))
		static_branch_enable(&slow_key);
	else if (!strncmp(cmd, "disable", 7))
		static_branch_disable(&slow_key);
	else if (!strncmp(cmd, "untrace", 7))
		static_branch_dec(&trace_key);
	else
		return -EINVAL;
	pr_info("fastpath: %s: slow_key %s, trace_key %s\n", cmd,
		static_key_enabled(&slow_key) ? "enabled" : "disabled",
		static_key_enabled(&trace_key) ? "enabled" : "disabled");
	return count;
}

static const struct file_operations fastpath_fops = {
	.owner = THIS_MODULE,
	.read = fastpath_read,
	.write = fastpath_write,
};

static struct miscdevice fastpath_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "fastpath",
	.fops = &fastpath_fops,
	.mode = 0666,
};

static int __init fastpath_init(void)
{
	return misc_register(&fastpath_misc);
}

static void __exit fastpath_exit(void)
{
	misc_deregister(&fastpath_misc);
}

module_init(fastpath_init);
module_exit(fastpath_exit);
MODULE_LICENSE("GPL");
