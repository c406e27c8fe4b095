/*
 * selfquiet: an interrupt handler that quiets its own line with disable_irq() before it
 * reprograms the device. disable_irq() waits until no CPU runs the line's handler, and this
 * CPU runs it: the wait never ends, with interrupts off (a hard lockup). The handler must use
 * disable_irq_nosync() (-DFIXED), which does not wait.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>

#define SELFQUIET_IRQ 42

static int selfquiet_dev;
static unsigned int reprogrammed;

static irqreturn_t selfquiet_interrupt(int irq, void *dev_id)
{
#ifdef FIXED
	disable_irq_nosync(irq);
#else
	disable_irq(irq);	/* waits for this very handler */
#endif
	reprogrammed++;
	enable_irq(irq);
	return IRQ_HANDLED;
}

static int __init selfquiet_init(void)
{
	return request_irq(SELFQUIET_IRQ, selfquiet_interrupt, 0, "selfquiet", &selfquiet_dev);
}

static void __exit selfquiet_exit(void)
{
	free_irq(SELFQUIET_IRQ, &selfquiet_dev);
	pr_info("selfquiet: reprogrammed %u times\n", reprogrammed);
}

MODULE_LICENSE("GPL");
module_init(selfquiet_init);
module_exit(selfquiet_exit);
