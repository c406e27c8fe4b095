/* lockdep_assert_in_irq() in a hardirq, _preemption_disabled() under a spinlock */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    lockdep_assert_in_irq();
    HARDIRQ_EXIT();
    L(A);
    lockdep_assert_preemption_disabled();
    U(A);
    lockdep_assert_preemption_enabled();
}

module_init(selftest_init);
