/* spinlab's model of include/asm-generic/percpu.h's this_cpu_generic_to_op(): irqs off around the operation. */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/irqflags.h>

unsigned long __spinlab_this_cpu_save(void)
{
    unsigned long flags;

    raw_local_irq_save(flags);
    return flags;
}

void __spinlab_this_cpu_restore(unsigned long flags)
{
    raw_local_irq_restore(flags);
}

void *__spinlab_get_cpu_ptr(void *base, unsigned long size)
{
    preempt_disable();
    return (char *)base + smp_processor_id() * size;
}

int __spinlab_get_cpu(void)
{
    preempt_disable();
    return smp_processor_id();
}
