/* lockdep_assert_irqs_disabled() with interrupts on */
#include "selftest.h"

static void scenario(void)
{
    lockdep_assert_irqs_disabled();
}

module_init(selftest_init);
