/* initlevel: a module whose entry point is a subsys_initcall(), as built-in drivers write it */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/printk.h>

static int __init initlevel_init(void)
{
	pr_info("initlevel: subsys_initcall ran as the module's init\n");
	return 0;
}
subsys_initcall(initlevel_init);

static void __exit initlevel_exit(void)
{
}
module_exit(initlevel_exit);
MODULE_LICENSE("GPL");
