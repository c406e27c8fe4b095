/* after lockdep's first report (recursive locking) the assertions say nothing: lock_is_held_type() is LOCK_STATE_UNKNOWN */
#include "selftest.h"

static void scenario(void)
{
    L(X1);
    L(X2);
    lockdep_assert_held(&lock_A);
    U(X2);
    U(X1);
}

module_init(selftest_init);
