/*
 * selftest: preempt rt. local_lock_irqsave() on PREEMPT_RT is a per-CPU sleeping spinlock_t
 * after migrate_disable(): interrupts stay on, the preempt count stays 0, and a spinlock_t (an
 * rt lock that may block) taken inside passes its might_resched check. The !RT form would
 * disable interrupts and make that spin_lock() sleeping in atomic.
 */
#include "selftest.h"

static void scenario(void)
{
    unsigned long flags;

    local_lock_irqsave(&llock_A, flags);
    WARN_ON(irqs_disabled());
    WARN_ON(in_atomic());
    L(A);
    U(A);
    local_unlock_irqrestore(&llock_A, flags);
    local_lock_irq(&llock_A);
    WARN_ON(irqs_disabled());
    L(A);
    U(A);
    local_unlock_irq(&llock_A);
}

module_init(selftest_init);
