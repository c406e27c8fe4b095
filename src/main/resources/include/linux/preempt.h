/*
 * spinlab's model of <linux/preempt.h>: the preempt_count layout and its predicates, as in
 * the kernel (PREEMPT bits 0-7, SOFTIRQ 8-15, HARDIRQ 16-19, NMI 20-23). The count itself is
 * a per-CPU slot of the simulated machine, read and changed through intrinsics; the
 * predicates are derived from it, never stored.
 */
#ifndef _SPINLAB_LINUX_PREEMPT_H
#define _SPINLAB_LINUX_PREEMPT_H

#include <linux/compiler.h>

#define PREEMPT_BITS 8
#define SOFTIRQ_BITS 8
#define HARDIRQ_BITS 4
#define NMI_BITS 4

#define PREEMPT_SHIFT 0
#define SOFTIRQ_SHIFT (PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT (SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT (HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x) ((1UL << (x)) - 1)
#define PREEMPT_MASK (__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK (__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK (__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK (__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET (1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET (1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET (1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET (1UL << NMI_SHIFT)

#define SOFTIRQ_DISABLE_OFFSET (2 * SOFTIRQ_OFFSET)
#define PREEMPT_DISABLE_OFFSET PREEMPT_OFFSET
#define PREEMPT_LOCK_OFFSET PREEMPT_DISABLE_OFFSET
#define SOFTIRQ_LOCK_OFFSET (SOFTIRQ_DISABLE_OFFSET + PREEMPT_LOCK_OFFSET)
#define PREEMPT_ENABLED 0
#define PREEMPT_DISABLED (PREEMPT_DISABLE_OFFSET + PREEMPT_ENABLED)
#define FORK_PREEMPT_COUNT (2 * PREEMPT_DISABLE_OFFSET + PREEMPT_ENABLED)

/* The machine's per-CPU preempt_count slot (intrinsics). */
int preempt_count(void);
void __preempt_count_add(int val);
void __preempt_count_sub(int val);
void preempt_count_set(int pc);

/* CONFIG_DEBUG_PREEMPT versions, in kernel/sched/core.c: they warn on underflow. */
void preempt_count_add(int val);
void preempt_count_sub(int val);

#define nmi_count() (preempt_count() & NMI_MASK)
#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define softirq_count() (preempt_count() & SOFTIRQ_MASK)
#define irq_count() (preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_MASK))

#define in_nmi() (nmi_count())
#define in_hardirq() (hardirq_count())
#define in_irq() (hardirq_count())
#define in_serving_softirq() (softirq_count() & SOFTIRQ_OFFSET)
#define in_softirq() (softirq_count())
#define in_interrupt() (irq_count())
#define in_task() (!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_atomic() (preempt_count() != 0)
#define in_atomic_preempt_off() (preempt_count() != PREEMPT_DISABLE_OFFSET)

#define preempt_count_inc() preempt_count_add(1)
#define preempt_count_dec() preempt_count_sub(1)

int should_resched(int preempt_offset);
void preempt_schedule(void);


#define preempt_disable() do { preempt_count_inc(); barrier(); } while (0)
#define preempt_enable_no_resched() do { barrier(); preempt_count_dec(); } while (0)
#define sched_preempt_enable_no_resched() preempt_enable_no_resched()
/* preempt_enable: with CONFIG_PREEMPTION (--preempt full) dropping to zero may reschedule. */
void preempt_enable(void);
void preempt_check_resched(void);

/* guard(preempt)(), guard(migrate)() (6.6's preempt.h; <linux/cleanup.h>) */
#include <linux/cleanup.h>
DEFINE_LOCK_GUARD_0(preempt, preempt_disable(), preempt_enable())
#ifdef CONFIG_PREEMPT_RT
/* the model defines migrate_disable() only where it uses it, under PREEMPT_RT (kernel/sched/core.c) */
void migrate_disable(void);
void migrate_enable(void);
DEFINE_LOCK_GUARD_0(migrate, migrate_disable(), migrate_enable())
#endif

#endif
