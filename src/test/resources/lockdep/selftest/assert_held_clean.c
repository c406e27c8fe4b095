/* lockdep_assert_held() of a held lock */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    lockdep_assert_held(&lock_A);
    U(A);
}

module_init(selftest_init);
