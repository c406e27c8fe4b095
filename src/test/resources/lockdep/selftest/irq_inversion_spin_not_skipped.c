/* the same shape with a spinlock_t in place of the local lock is an irq lock inversion (the other direction of local_lock_irq_inversion_skipped) */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    U(A);
    spin_lock_irq(&lock_B);
    L(A);
    U(A);
    spin_unlock_irq(&lock_B);
    HARDIRQ_ENTER();
    L(B);
    U(B);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
