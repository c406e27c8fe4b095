/* /dev/echo_dev, a misc device; its operations are in ops.c */
#include <linux/module.h>
#include <linux/miscdevice.h>

#include "ops.h"

struct echo_dev echo = { .lock = __MUTEX_INITIALIZER(echo.lock) };

static const struct file_operations echo_fops = {
	.owner = THIS_MODULE,
	.read = echo_read,
	.write = echo_write,
};

static struct miscdevice echo_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "echo_dev",
	.fops = &echo_fops,
};

module_misc_device(echo_misc);
MODULE_LICENSE("GPL");
