/*
 * An interrupt handler that counts (LDD3's short in its simplest form): the run delivers every
 * interrupt asked for with --irq before it ends, even after the program has exited, and
 * module_exit reports how many arrived.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/atomic.h>

static int irq = 5;
module_param(irq, int, 0444);

static atomic_t count = ATOMIC_INIT(0);

static irqreturn_t counter_interrupt(int irq, void *dev_id)
{
    atomic_inc(&count);
    return IRQ_HANDLED;
}

static int __init counter_init(void)
{
    int ret = request_irq(irq, counter_interrupt, 0, "counter", &count);
    if (ret)
        pr_err("counter: can't get irq %d: %d\n", irq, ret);
    return ret;
}

static void __exit counter_exit(void)
{
    free_irq(irq, &count);
    pr_info("counter: %d interrupts on irq %d\n", atomic_read(&count), irq);
}

module_init(counter_init);
module_exit(counter_exit);
MODULE_LICENSE("GPL");
