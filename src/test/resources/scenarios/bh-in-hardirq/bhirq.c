/*
 * bhirq: an interrupt handler that takes its lock with spin_lock_bh().
 *
 * spin_unlock_bh() ends in __local_bh_enable_ip(), whose WARN_ON_ONCE(in_hardirq())
 * (kernel/softirq.c) fires when it runs in a hardirq handler: bottom halves are a
 * process-context notion, an interrupt handler must use spin_lock() (or the _irqsave
 * variant). Which task the interrupt interrupts decides the PID the WARNING names: the idle
 * task (PID 0) while the program sleeps, or the program itself. Both are reachable, and
 * each path warns once, so check must report both whatever order it searches in.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>

#define BHIRQ_IRQ 5

static DEFINE_SPINLOCK(bh_lock);
static unsigned long events;

static irqreturn_t bhirq_interrupt(int irq, void *dev_id)
{
	spin_lock_bh(&bh_lock);		/* wrong in hardirq context */
	events++;
	spin_unlock_bh(&bh_lock);
	return IRQ_HANDLED;
}

static int __init bhirq_init(void)
{
	return request_irq(BHIRQ_IRQ, bhirq_interrupt, 0, "bhirq", &events);
}

static void __exit bhirq_exit(void)
{
	free_irq(BHIRQ_IRQ, &events);
}

MODULE_LICENSE("GPL");
module_init(bhirq_init);
module_exit(bhirq_exit);
