/* The campaign's printk flood: module_init prints in a loop and never schedules. The serial
 * console takes ~5 ms a line, so the soft-lockup watchdog reports the CPU after 20 s. */
#include <linux/module.h>
#include <linux/kernel.h>

static int __init flood_init(void)
{
	int i;

	for (i = 0; i < 1000000; i++)
		printk(KERN_INFO "flood %d\n", i);
	return 0;
}
module_init(flood_init);
MODULE_LICENSE("GPL");
