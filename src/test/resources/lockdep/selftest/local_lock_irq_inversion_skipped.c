/* a hardirq-unsafe spinlock taken under local_lock_irq(), then the local lock in a hardirq: the per-CPU lock is skipped by the irq-inversion searches (usage_skip), so nothing is reported */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    U(A);
    local_lock_irq(&llock_A);
    L(A);
    U(A);
    local_unlock_irq(&llock_A);
    HARDIRQ_ENTER();
    local_lock(&llock_A);
    local_unlock(&llock_A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
