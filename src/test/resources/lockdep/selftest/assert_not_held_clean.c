/* lockdep_assert_not_held() of a free mutex */
#include "selftest.h"

static void scenario(void)
{
    lockdep_assert_not_held(&mutex_A);
    ML(A);
    MU(A);
    lockdep_assert_not_held(&mutex_A);
}

module_init(selftest_init);
