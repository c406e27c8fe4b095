/* lockdep_assert_held_read() of a read-held rwlock, _write of a write-held one */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    lockdep_assert_held_read(&rwlock_A);
    RU(A);
    WL(A);
    lockdep_assert_held_write(&rwlock_A);
    WU(A);
}

module_init(selftest_init);
