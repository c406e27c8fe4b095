/* copy_from_user into a kernel buffer smaller than the count: the kernel's bug, an oops
 * (KASAN checks the whole kernel range before copying), even though the user range is fine. */
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

static int __init small_init(void)
{
	char *u = kzalloc(16, GFP_KERNEL);
	char *k = kmalloc(4, GFP_KERNEL);

	pr_info("copying 16 bytes into 4\n");
	return copy_from_user(k, (const void __user *)u, 16) ? -EFAULT : 0;
}

module_init(small_init);
MODULE_LICENSE("GPL");
