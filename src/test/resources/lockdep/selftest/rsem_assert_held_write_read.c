/* lockdep_assert_held_write() of a semaphore held for reading */
#include "selftest.h"

static void scenario(void)
{
    RSL(A);
    lockdep_assert_held_write(&rwsem_A);
    RSU(A);
}

module_init(selftest_init);
