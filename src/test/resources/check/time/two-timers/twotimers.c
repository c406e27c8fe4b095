/*
 * twotimers: each write() arms a one-shot timer on the CPU it runs on, expiring at the next
 * jiffy. With two writers on two CPUs, the first tick moves jiffies to that expiry and the
 * other CPU's timer is then already due: its tick may come only while that CPU is in task
 * context and can take it (docs/check.md, Time). The callbacks do nothing.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/smp.h>

static struct timer_list cpu_timer[2];

static void twotimers_fire(struct timer_list *t)
{
}

static ssize_t twotimers_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
	mod_timer(&cpu_timer[smp_processor_id() & 1], jiffies + 1);
	return len;
}

static const struct file_operations twotimers_fops = {
	.owner = THIS_MODULE,
	.write = twotimers_write,
};

static struct miscdevice twotimers_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "twotimers",
	.fops = &twotimers_fops,
};

static int __init twotimers_init(void)
{
	timer_setup(&cpu_timer[0], twotimers_fire, 0);
	timer_setup(&cpu_timer[1], twotimers_fire, 0);
	return misc_register(&twotimers_dev);
}

MODULE_LICENSE("GPL");
module_init(twotimers_init);
