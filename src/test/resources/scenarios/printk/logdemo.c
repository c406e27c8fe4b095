/*
 * logdemo: the printk family as drivers use it. pr_fmt() prefixes every pr_*() message;
 * pr_debug()/dev_dbg() print only when the file is built with -DDEBUG (the model has no
 * dynamic debug); pr_info_once() prints on the first call only; pr_warn_ratelimited()
 * lets 10 messages through per 5 s and then reports how many it suppressed; pr_cont()
 * continues a line; print_hex_dump() in the kernel's layout; dev_info()/dev_warn() on a misc
 * device. Each write() to /dev/logdemo is one "event".
 */
#define pr_fmt(fmt) KBUILD_NAME ": " fmt
#define KBUILD_NAME "logdemo"

#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/device.h>

static int events;
static struct miscdevice logdemo_dev;

static const unsigned char blob[20] = {
	0x7f, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x03, 0x00, 0x3e, 0x00,
};

static ssize_t logdemo_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	events++;
	pr_info_once("first event\n");
	pr_debug("event %d\n", events);
	pr_warn_ratelimited("event %d (rate limited)\n", events);
	dev_dbg(logdemo_dev.this_device, "dev_dbg for event %d\n", events);
	return len;
}

static int logdemo_release(struct inode *inode, struct file *file)
{
	int i;

	pr_info("%d events; counting:", events);
	for (i = 1; i <= 3; i++)
		pr_cont(" %d", i);
	pr_cont("\n");
	print_hex_dump(KERN_INFO, "blob: ", DUMP_PREFIX_OFFSET, 16, 1, blob, sizeof(blob), true);
	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_NONE, 16, 4, blob, 16, false);
	print_hex_dump_bytes("bytes: ", DUMP_PREFIX_NONE, blob, 4);
	dev_warn(logdemo_dev.this_device, "released after %d events\n", events);
	dev_info(NULL, "a message without a device\n");
	return 0;
}

static const struct file_operations logdemo_fops = {
	.owner = THIS_MODULE,
	.write = logdemo_write,
	.release = logdemo_release,
};

static struct miscdevice logdemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "logdemo",
	.fops = &logdemo_fops,
};

static int __init logdemo_init(void)
{
	int ret = misc_register(&logdemo_dev);

	if (ret)
		return ret;
	dev_info(logdemo_dev.this_device, "registered\n");
	printk(KERN_NOTICE "logdemo: a plain printk with KERN_NOTICE\n");
	return 0;
}

module_init(logdemo_init);
MODULE_LICENSE("GPL");
