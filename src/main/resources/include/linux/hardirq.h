/* spinlab's model of <linux/hardirq.h>: entering and leaving hard interrupt context. */
#ifndef _SPINLAB_LINUX_HARDIRQ_H
#define _SPINLAB_LINUX_HARDIRQ_H

#include <linux/preempt.h>

void irq_enter(void);
void irq_exit(void);

#endif
