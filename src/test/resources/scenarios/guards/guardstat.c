/*
 * guardstat: scope-based locking (<linux/cleanup.h>) in a driver, as newer drivers write it.
 *
 * stat_lock is shared by the handler of irq 42 and the ioctls, so process context takes it
 * with interrupts off: guard(spinlock_irqsave) for a whole function, scoped_guard() for one
 * block, each released on every way out (the early returns, the end of the scope). The
 * config mutex is a guard(mutex) held across a kmalloc(GFP_KERNEL), the buffer a __free(kfree)
 * pointer that return_ptr() hands over on success. Built with -DPLAIN_GUARD the ioctl takes
 * the lock with guard(spinlock), interrupts on: lockdep's inconsistent-lock-state report, the
 * bug the irqsave guard avoids.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define GUARDSTAT_IRQ 42
#define GS_ADD 1      /* add arg to the total */
#define GS_TOTAL 2    /* the total so far */
#define GS_LABEL 3    /* copy a label for arg events */

static DEFINE_SPINLOCK(stat_lock);
static DEFINE_MUTEX(cfg_mutex);
static unsigned long irqs, total, adds;
static char *label;

static irqreturn_t guardstat_interrupt(int irq, void *dev_id)
{
	guard(spinlock)(&stat_lock);	/* hardirq context: interrupts are already off */
	irqs++;
	return IRQ_HANDLED;
}

static long gs_add(unsigned long arg)
{
#ifdef PLAIN_GUARD
	guard(spinlock)(&stat_lock);	/* wrong: the irq handler can interrupt us here */
#else
	guard(spinlock_irqsave)(&stat_lock);
#endif
	if (arg > 1000)
		return -EINVAL;		/* the guard unlocks on this return too */
	total += arg;
	adds++;
	return total;
}

static long gs_total(void)
{
	unsigned long t, n;

	scoped_guard (spinlock_irqsave, &stat_lock) {
		t = total;
		n = adds;
	}
	/* the lock is released here, before the printk */
	pr_info("guardstat: total %lu after %lu adds\n", t, n);
	return t;
}

static char *make_label(unsigned long n)
{
	char *buf __free(kfree) = kmalloc(32, GFP_KERNEL);

	if (!buf)
		return NULL;
	if (n == 0)
		return NULL;		/* kfree(buf) runs here */
	snprintf(buf, 32, "%lu events", n);
	return_ptr(buf);		/* handed to the caller, not freed */
}

static long gs_label(unsigned long arg)
{
	char *l;

	guard(mutex)(&cfg_mutex);
	l = make_label(arg);
	if (!l)
		return -EINVAL;
	kfree(label);
	label = l;
	pr_info("guardstat: label \"%s\"\n", label);
	return 0;
}

static long guardstat_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case GS_ADD:
		return gs_add(arg);
	case GS_TOTAL:
		return gs_total();
	case GS_LABEL:
		return gs_label(arg);
	}
	return -ENOTTY;
}

static const struct file_operations guardstat_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = guardstat_ioctl,
};

static struct miscdevice guardstat_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "guardstat",
	.fops = &guardstat_fops,
};

static int __init guardstat_init(void)
{
	int ret = request_irq(GUARDSTAT_IRQ, guardstat_interrupt, 0, "guardstat", &guardstat_dev);

	if (ret)
		return ret;
	return misc_register(&guardstat_dev);
}

static void __exit guardstat_exit(void)
{
	misc_deregister(&guardstat_dev);
	free_irq(GUARDSTAT_IRQ, &guardstat_dev);
	scoped_guard (spinlock_irqsave, &stat_lock)
		pr_info("guardstat: %lu interrupts\n", irqs);
	kfree(label);
}

MODULE_LICENSE("GPL");
module_init(guardstat_init);
module_exit(guardstat_exit);
