/* lockdep_assert_not_held() of a held mutex */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    lockdep_assert_not_held(&mutex_A);
    MU(A);
}

module_init(selftest_init);
