/* A driver whose ioctl dereferences a NULL pointer (no state for that command): a kernel oops. */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

struct state { int value; };

static struct state *states[4];

static long oops_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct state *st = states[cmd & 3];
	return st->value;
}

static const struct file_operations oops_fops = { .unlocked_ioctl = oops_ioctl };
static struct miscdevice oops_misc = { .minor = MISC_DYNAMIC_MINOR, .name = "oops", .fops = &oops_fops };

static int __init oops_init(void)
{
	return misc_register(&oops_misc);
}
module_init(oops_init);
