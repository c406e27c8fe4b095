/* Prints 100,000 lines from module_init without ever scheduling. */
#include <linux/module.h>
#include <linux/kernel.h>

static int __init flood_init(void)
{
	int i;

	for (i = 0; i < 100000; i++)
		printk(KERN_INFO "flood: line %d of a printk loop in module_init\n", i);
	return 0;
}

static void __exit flood_exit(void)
{
}

module_init(flood_init);
module_exit(flood_exit);
MODULE_LICENSE("GPL");
