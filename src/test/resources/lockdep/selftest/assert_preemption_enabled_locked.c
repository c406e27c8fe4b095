/* lockdep_assert_preemption_enabled() under a spinlock */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    lockdep_assert_preemption_enabled();
    U(A);
}

module_init(selftest_init);
