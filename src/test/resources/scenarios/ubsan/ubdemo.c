/* A driver whose ioctl computes with the user's numbers without checking them. */
#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/limits.h>

#define UB_SHIFT _IO('b', 1)
#define UB_DIV   _IO('b', 2)

static long ub_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int n = (int)arg;
	int i;

	switch (cmd) {
	case UB_SHIFT:
		for (i = 0; i < 2; i++) {  /* one report per site, not per execution */
			pr_info("ubdemo: 1 << %d = %d\n", n, 1 << n);
			pr_info("ubdemo: 0x80000000U >> %d = %u\n", 36 - n, 0x80000000U >> (36 - n));
		}
		return 0;
	case UB_DIV:
		pr_info("ubdemo: INT_MIN / %d = %d\n", n, INT_MIN / n);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations ub_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = ub_ioctl,
};

static struct miscdevice ub_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ubdemo",
	.fops = &ub_fops,
};

static int __init ub_init(void)
{
	return misc_register(&ub_dev);
}

static void __exit ub_exit(void)
{
	misc_deregister(&ub_dev);
}

module_init(ub_init);
module_exit(ub_exit);
MODULE_LICENSE("GPL");
