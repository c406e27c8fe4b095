/*
 * longop: an ioctl that reprograms its device in thirty one-second steps without scheduling
 * (preemption off), as a flash update or a firmware load that polls the hardware does. Between
 * steps it tells the lockup detectors it is alive: touch_softlockup_watchdog(), or with
 * -DIRQS_OFF (interrupts off for the whole update) touch_nmi_watchdog(). -DNO_TOUCH leaves the
 * calls out: the soft-lockup watchdog reports at 21 s, or the hard-lockup detector at 10 s.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/delay.h>
#include <linux/nmi.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>

#define STEPS 30

static long longop_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	unsigned long flags;
	int i;

#ifdef IRQS_OFF
	local_irq_save(flags);
#else
	preempt_disable();
#endif
	for (i = 0; i < STEPS; i++) {
		mdelay(1000);	/* one step of the update, polling the hardware */
#ifndef NO_TOUCH
#ifdef IRQS_OFF
		touch_nmi_watchdog();
#else
		touch_softlockup_watchdog();
#endif
#endif
	}
#ifdef IRQS_OFF
	local_irq_restore(flags);
#else
	preempt_enable();
#endif
	pr_info("longop: %d steps done\n", STEPS);
	return 0;
}

static const struct file_operations longop_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = longop_ioctl,
};

static struct miscdevice longop_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "longop",
	.fops = &longop_fops,
};

static int __init longop_init(void)
{
	return misc_register(&longop_dev);
}

static void __exit longop_exit(void)
{
	misc_deregister(&longop_dev);
}

MODULE_LICENSE("GPL");
module_init(longop_init);
module_exit(longop_exit);
