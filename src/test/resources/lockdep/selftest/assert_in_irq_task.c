/* lockdep_assert_in_irq() in task context */
#include "selftest.h"

static void scenario(void)
{
    lockdep_assert_in_irq();
}

module_init(selftest_init);
