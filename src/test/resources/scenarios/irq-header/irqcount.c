/*
 * Counts the interrupts of one line, given as irq=N when the module is loaded: a handler that
 * claims nothing (IRQ_NONE, as a monitor on a shared line does) but records how many it saw
 * and when, and /proc/irqcount showing the figures.
 */
#include <linux/module.h>
#include <linux/irq.h>
#include <asm/hardirq.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/jiffies.h>

static int irq = -1;
module_param_hw(irq, int, irq, 0444);
MODULE_PARM_DESC(irq, "the line to count");

static int trigger = IRQ_TYPE_NONE;
module_param(trigger, int, 0444);

static DEFINE_SPINLOCK(count_lock);
static unsigned long seen;
static unsigned long last_jiffies;

static irqreturn_t irqcount_handler(int line, void *dev_id)
{
	spin_lock(&count_lock);
	seen++;
	last_jiffies = jiffies;
	spin_unlock(&count_lock);
	return IRQ_NONE;
}

static int irqcount_show(struct seq_file *m, void *v)
{
	unsigned long flags, n;

#ifdef PLAIN_LOCK
	/* wrong: the handler can interrupt this section on its CPU and spin on count_lock */
	spin_lock(&count_lock);
	n = seen;
	spin_unlock(&count_lock);
#else
	spin_lock_irqsave(&count_lock, flags);
	n = seen;
	spin_unlock_irqrestore(&count_lock, flags);
#endif
	seq_printf(m, "irq %d: %lu interrupts\n", irq, n);
	return 0;
}

static const char *trigger_name(int type)
{
	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_EDGE_BOTH:
		pr_info("irqcount: both edges count\n");
		fallthrough;
	case IRQ_TYPE_EDGE_RISING:
	case IRQ_TYPE_EDGE_FALLING:
		return "edge";
	case IRQ_TYPE_LEVEL_HIGH:
	case IRQ_TYPE_LEVEL_LOW:
		return "level";
	default:
		return "unspecified";
	}
}

static int __init irqcount_init(void)
{
	if (irq < 0) {
		pr_err("irqcount: no line given, use irq=N\n");
		return -EIO;
	}
	if (request_irq(irq, irqcount_handler, IRQF_SHARED, "irqcount", &irq)) {
		pr_err("irqcount: cannot register IRQ %d\n", irq);
		return -EIO;
	}
	proc_create_single("irqcount", 0444, NULL, irqcount_show);
	pr_info("irqcount: counting IRQ %d (%s-triggered)\n", irq, trigger_name(trigger));
	return 0;
}

static void __exit irqcount_exit(void)
{
	remove_proc_entry("irqcount", NULL);
	free_irq(irq, &irq);
	pr_info("irqcount: %lu interrupts on IRQ %d, the last at jiffy %lu\n", seen, irq, last_jiffies);
}

module_init(irqcount_init);
module_exit(irqcount_exit);
MODULE_LICENSE("GPL");
