/* lockdep_assert_held() of a lock other than the one held */
#include "selftest.h"

static void scenario(void)
{
    L(B);
    lockdep_assert_held(&lock_A);
    U(B);
}

module_init(selftest_init);
