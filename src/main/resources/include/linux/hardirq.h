/* spinlab's model of <linux/hardirq.h>: entering and leaving hard interrupt context. */
#ifndef _SPINLAB_LINUX_HARDIRQ_H
#define _SPINLAB_LINUX_HARDIRQ_H

#include <linux/preempt.h>
#include <linux/lockdep.h>

void irq_enter(void);
void irq_exit(void);

/*
 * The bare hardirq entry and exit without irq_exit()'s softirq processing (as the kernel's
 * <linux/hardirq.h>; lib/locking-selftest.c simulates its interrupts with them): the count
 * first, then lockdep's hardirq context, undone in the reverse order. No time accounting.
 */
#define __irq_enter() do { preempt_count_add(HARDIRQ_OFFSET); lockdep_hardirq_enter(); } while (0)
#define __irq_exit() do { lockdep_hardirq_exit(); preempt_count_sub(HARDIRQ_OFFSET); } while (0)

#endif
