/*
 * greet: string parameters whose values hold spaces, given in double quotes as on insmod's
 * command line (insmod greet.ko whom="big world" motto="carpe diem"): the kernel's parser
 * (next_arg in lib/cmdline.c) keeps the quoted spaces and drops the quotes. whom is a charp,
 * motto a module_param_string copied into a buffer, times an int.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/moduleparam.h>

static char *whom = "world";
module_param(whom, charp, 0444);
MODULE_PARM_DESC(whom, "who to greet");

static char motto[16] = "none";
module_param_string(motto, motto, sizeof(motto), 0444);
MODULE_PARM_DESC(motto, "a motto");

static int times = 1;
module_param(times, int, 0444);

static int __init greet_init(void)
{
	int i;

	for (i = 0; i < times; i++)
		pr_info("greet: hello, %s! (motto: '%s')\n", whom, motto);
	return 0;
}

static void __exit greet_exit(void)
{
	pr_info("greet: goodbye, %s\n", whom);
}

module_init(greet_init);
module_exit(greet_exit);
MODULE_LICENSE("GPL");
