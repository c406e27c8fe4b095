/*
 * spinlab's model of <asm/hardirq.h>: x86's per-CPU interrupt statistics (irq_cpustat_t) are
 * not modelled; drivers that include it want the hardirq context tests, which come from
 * <linux/hardirq.h> and <linux/preempt.h> (in_interrupt(), in_irq(), ...).
 */
#ifndef _SPINLAB_ASM_HARDIRQ_H
#define _SPINLAB_ASM_HARDIRQ_H

#include <linux/hardirq.h>

#endif
