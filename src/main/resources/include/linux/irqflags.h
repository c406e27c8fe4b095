/* spinlab's model of <linux/irqflags.h>: masking interrupts on the current simulated CPU. */
#ifndef _SPINLAB_LINUX_IRQFLAGS_H
#define _SPINLAB_LINUX_IRQFLAGS_H

void local_irq_disable(void);
void local_irq_enable(void);
/* Returns the previous interrupt state, to be given back to local_irq_restore(). */
unsigned long __spinlab_local_irq_save(void);
void local_irq_restore(unsigned long flags);
int irqs_disabled(void);

#define local_irq_save(flags) ((flags) = __spinlab_local_irq_save())

#endif
