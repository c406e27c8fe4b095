/*
 * bhirq: an interrupt handler that takes a spinlock with spin_lock_bh(). Re-enabling bottom
 * halves in hardirq context is a kernel bug: __local_bh_enable_ip() warns
 * (WARN_ON_ONCE(in_hardirq())) on every path where the device interrupt is handled.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lock);
static int count;
static int dev_id;

static irqreturn_t bhirq_interrupt(int irq, void *dev)
{
	spin_lock_bh(&lock);
	count++;
	spin_unlock_bh(&lock);
	return IRQ_HANDLED;
}

static int __init bhirq_init(void)
{
	return request_irq(5, bhirq_interrupt, 0, "bhirq", &dev_id);
}

MODULE_LICENSE("GPL");
module_init(bhirq_init);
