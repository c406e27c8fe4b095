/*
 * Module parameters in the style of the Linux Kernel Module Programming Guide's hello-5:
 * every common type, an array with a count, a string copied into a buffer, a parameter
 * known by another name, and a bool and its inverse. Give values as insmod would:
 *   spinlab run 'hello5.c myshort=7 myintarray=-1,420 mystring=bebop'
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>

static short int myshort = 1;
static int myint = 420;
static long int mylong = 9999;
static char *mystring = "blah";
static int myintarray[2] = { 420, 420 };
static int arr_argc = 0;
static unsigned char mybyte = 'A';
static unsigned int mymask = 0xff;
static bool verbose;
static bool quiet_off = true;
static char device_name[8] = "dev0";
static unsigned int internal_irq = 5;

module_param(myshort, short, S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP);
MODULE_PARM_DESC(myshort, "A short integer");
module_param(myint, int, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
MODULE_PARM_DESC(myint, "An integer");
module_param(mylong, long, S_IRUSR);
MODULE_PARM_DESC(mylong, "A long integer");
module_param(mystring, charp, 0000);
MODULE_PARM_DESC(mystring, "A character string");
module_param_array(myintarray, int, &arr_argc, 0000);
MODULE_PARM_DESC(myintarray, "An array of integers");
module_param(mybyte, byte, 0444);
module_param(mymask, hexint, 0644);
module_param(verbose, bool, 0644);
module_param(quiet_off, invbool, 0644);
module_param_string(name, device_name, sizeof(device_name), 0444);
module_param_hw_named(irq, internal_irq, uint, irq, 0444);
MODULE_PARM_DESC(irq, "The interrupt line");

static int __init hello_5_init(void)
{
    int i;
    pr_info("Hello, world 5\n=============\n");
    pr_info("myshort is a short integer: %hd\n", myshort);
    pr_info("myint is an integer: %d\n", myint);
    pr_info("mylong is a long integer: %ld\n", mylong);
    pr_info("mystring is a string: %s\n", mystring);
    for (i = 0; i < ARRAY_SIZE(myintarray); i++)
        pr_info("myintarray[%d] = %d\n", i, myintarray[i]);
    pr_info("got %d arguments for myintarray.\n", arr_argc);
    pr_info("mybyte %u, mymask %#x, verbose %d, quiet_off %d, name %s, irq %u\n", mybyte, mymask, verbose,
            quiet_off, device_name, internal_irq);
    return 0;
}

static void __exit hello_5_exit(void)
{
    pr_info("Goodbye, world 5\n");
}

module_init(hello_5_init);
module_exit(hello_5_exit);
MODULE_LICENSE("GPL");
