/* lockdep_assert_irqs_disabled() under spin_lock_irq(), _enabled() after */
#include "selftest.h"

static void scenario(void)
{
    spin_lock_irq(&lock_A);
    lockdep_assert_irqs_disabled();
    spin_unlock_irq(&lock_A);
    lockdep_assert_irqs_enabled();
}

module_init(selftest_init);
