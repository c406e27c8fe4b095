/* lockdep_assert_irqs_enabled() with interrupts off */
#include "selftest.h"

static void scenario(void)
{
    local_irq_disable();
    lockdep_assert_irqs_enabled();
    local_irq_enable();
}

module_init(selftest_init);
