/*
 * hrtimer_demo: a periodic high-resolution timer, as in the tutorials: hrtimer_init() with
 * CLOCK_MONOTONIC and HRTIMER_MODE_REL, a callback that counts, pushes its expiry forward with
 * hrtimer_forward_now() and returns HRTIMER_RESTART, and hrtimer_cancel() to stop it. The
 * callback runs in hardirq context (in_irq(), irqs off). A second, soft timer
 * (HRTIMER_MODE_REL_SOFT) runs once from the HRTIMER softirq.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

#define PERIOD_MS 250

static struct hrtimer periodic;
static struct hrtimer oneshot;
static ktime_t started;
static int ticks;

static enum hrtimer_restart periodic_fn(struct hrtimer *t)
{
	s64 ms = ktime_to_ms(ktime_sub(ktime_get(), started));

	ticks++;
	pr_info("hrtimer_demo: tick %d at +%lld ms, in_hardirq()=%d irqs_disabled()=%d\n",
		ticks, ms, in_hardirq() ? 1 : 0, irqs_disabled() ? 1 : 0);
	hrtimer_forward_now(t, ms_to_ktime(PERIOD_MS));
	return HRTIMER_RESTART;
}

static enum hrtimer_restart oneshot_fn(struct hrtimer *t)
{
	pr_info("hrtimer_demo: soft timer at +%lld ms, in_serving_softirq()=%d\n",
		ktime_to_ms(ktime_sub(ktime_get(), started)), in_serving_softirq() ? 1 : 0);
	return HRTIMER_NORESTART;
}

static int demo_release(struct inode *inode, struct file *file)
{
	int was_active = hrtimer_cancel(&periodic);

	pr_info("hrtimer_demo: cancelled (was active: %d) after %d ticks; oneshot active: %d\n",
		was_active, ticks, hrtimer_active(&oneshot) ? 1 : 0);
	return 0;
}

static const struct file_operations demo_fops = {
	.owner = THIS_MODULE,
	.release = demo_release,
};

static struct miscdevice demo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "hrtimer_demo",
	.fops = &demo_fops,
};

static int __init hrtimer_demo_init(void)
{
	int ret = misc_register(&demo_dev);

	if (ret)
		return ret;
	started = ktime_get();
	hrtimer_init(&periodic, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	periodic.function = periodic_fn;
	hrtimer_start(&periodic, ms_to_ktime(PERIOD_MS), HRTIMER_MODE_REL);
	hrtimer_init(&oneshot, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	oneshot.function = oneshot_fn;
	hrtimer_start(&oneshot, ns_to_ktime(600 * NSEC_PER_MSEC), HRTIMER_MODE_REL_SOFT);
	pr_info("hrtimer_demo: started, period %d ms\n", PERIOD_MS);
	return 0;
}

module_init(hrtimer_demo_init);
MODULE_LICENSE("GPL");
