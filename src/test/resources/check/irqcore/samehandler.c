/*
 * samehandler: one interrupt handler that increments a plain word with no lock. Raised twice
 * with interrupts delivered to any CPU of two, the second raise can come while the handler
 * runs on the other CPU; the kernel's edge flow (kernel/irq/chip.c, handle_edge_irq) leaves
 * the line pending then, and the first CPU runs the handler again: no data race on the word.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>

static unsigned long hits;

static irqreturn_t samehandler_interrupt(int irq, void *dev_id)
{
	hits++;
	return IRQ_HANDLED;
}

static int __init samehandler_init(void)
{
	return request_irq(5, samehandler_interrupt, 0, "samehandler", &hits);
}

MODULE_LICENSE("GPL");
module_init(samehandler_init);
