/* lockdep_assert_held_write() of a read-held rwlock */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    lockdep_assert_held_write(&rwlock_A);
    RU(A);
}

module_init(selftest_init);
