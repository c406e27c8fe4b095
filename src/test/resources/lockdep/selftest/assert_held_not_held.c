/* lockdep_assert_held() of a lock nobody holds: the caller's WARN_ON */
#include "selftest.h"

static void scenario(void)
{
    lockdep_assert_held(&lock_A);
}

module_init(selftest_init);
