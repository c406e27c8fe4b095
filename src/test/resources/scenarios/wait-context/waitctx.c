/*
 * waitctx: a device interrupt (irq 42) and a 1 ms hrtimer, each counting an event under
 * ev_lock, a spinlock_t. poke's ioctl starts the timer. With -DNO_THREAD the irq is requested
 * IRQF_NO_THREAD; with -DHARD the timer is started HRTIMER_MODE_REL_HARD: either makes its
 * callback a context where a spinlock_t (a sleeping lock on PREEMPT_RT) may not be taken.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>

#define WAITCTX_IRQ 42

#ifdef NO_THREAD
#define IRQ_FLAGS IRQF_NO_THREAD
#else
#define IRQ_FLAGS 0
#endif

#ifdef HARD
#define TIMER_MODE HRTIMER_MODE_REL_HARD
#else
#define TIMER_MODE HRTIMER_MODE_REL
#endif

static DEFINE_SPINLOCK(ev_lock);
static unsigned long irq_events, timer_events;
static struct hrtimer ev_timer;

static irqreturn_t waitctx_interrupt(int irq, void *dev_id)
{
	spin_lock(&ev_lock);
	irq_events++;
	spin_unlock(&ev_lock);
	return IRQ_HANDLED;
}

static enum hrtimer_restart waitctx_timer(struct hrtimer *t)
{
	spin_lock(&ev_lock);
	timer_events++;
	spin_unlock(&ev_lock);
	return HRTIMER_NORESTART;
}

static long waitctx_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	hrtimer_start(&ev_timer, ms_to_ktime(1), TIMER_MODE);
	return 0;
}

static const struct file_operations waitctx_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = waitctx_ioctl,
};

static struct miscdevice waitctx_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "waitctx",
	.fops = &waitctx_fops,
};

static int __init waitctx_init(void)
{
	int ret;

	hrtimer_init(&ev_timer, CLOCK_MONOTONIC, TIMER_MODE);
	ev_timer.function = waitctx_timer;
	ret = request_irq(WAITCTX_IRQ, waitctx_interrupt, IRQ_FLAGS, "waitctx", &waitctx_dev);
	if (ret)
		return ret;
	return misc_register(&waitctx_dev);
}

static void __exit waitctx_exit(void)
{
	misc_deregister(&waitctx_dev);
	free_irq(WAITCTX_IRQ, &waitctx_dev);
	hrtimer_cancel(&ev_timer);
	pr_info("waitctx: %lu irq events, %lu timer events\n", irq_events, timer_events);
}

MODULE_LICENSE("GPL");
module_init(waitctx_init);
module_exit(waitctx_exit);
