/* spinlab's model of <linux/interrupt.h>: interrupt handlers and their registration. */
#ifndef _SPINLAB_LINUX_INTERRUPT_H
#define _SPINLAB_LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/irqflags.h>

enum irqreturn {
    IRQ_NONE = 0,
    IRQ_HANDLED = 1,
    IRQ_WAKE_THREAD = 2
};
typedef enum irqreturn irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x80

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);
void local_bh_disable(void);
void local_bh_enable(void);
int in_interrupt(void);
int in_irq(void);

#endif
