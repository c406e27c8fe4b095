/*
 * pollwait: an ioctl that starts its device and waits for it by polling a flag that the
 * device's completion (here a timer) sets, without sleeping, yielding or a timeout. A device
 * that answers in time costs the caller a busy CPU for that long (-DREADY_MS=2000: "ready
 * after 2000 ms"); one that does not answer within the soft-lockup threshold keeps the task
 * on its CPU past it: "BUG: soft lockup - CPU#0 stuck for 22s!". -DIRQS_OFF polls with
 * interrupts disabled, so the timer can never fire: the hard-lockup detector's NMI reports
 * it. The fix is to sleep for the completion (wait_for_completion_timeout).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/irqflags.h>

#ifndef READY_MS
#define READY_MS 30000
#endif

static struct timer_list ready_timer;
static int ready;

static void pollwait_ready(struct timer_list *t)
{
	WRITE_ONCE(ready, 1);
}

static long pollwait_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	unsigned long start = jiffies;
	unsigned long flags;

	WRITE_ONCE(ready, 0);
	mod_timer(&ready_timer, jiffies + msecs_to_jiffies(READY_MS));
#ifdef IRQS_OFF
	local_irq_save(flags);
#endif
	while (!READ_ONCE(ready))
		cpu_relax();
#ifdef IRQS_OFF
	local_irq_restore(flags);
#endif
	pr_info("pollwait: device ready after %u ms\n", jiffies_to_msecs(jiffies - start));
	return 0;
}

static const struct file_operations pollwait_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = pollwait_ioctl,
};

static struct miscdevice pollwait_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pollwait",
	.fops = &pollwait_fops,
};

static int __init pollwait_init(void)
{
	timer_setup(&ready_timer, pollwait_ready, 0);
	return misc_register(&pollwait_dev);
}

static void __exit pollwait_exit(void)
{
	misc_deregister(&pollwait_dev);
	del_timer_sync(&ready_timer);
}

MODULE_LICENSE("GPL");
module_init(pollwait_init);
module_exit(pollwait_exit);
