#include <linux/module.h>
#include <linux/slab.h>
static int __init km_init(void)
{
	unsigned long n = 0;
	while (kmalloc(1 << 20, GFP_KERNEL))
		n++;
	pr_info("kmalloc returned NULL after %lu MiB\n", n);
	return 0;
}
module_init(km_init);
MODULE_LICENSE("GPL");
