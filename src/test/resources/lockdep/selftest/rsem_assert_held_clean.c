/* lockdep_assert_held_read() of a reader, rwsem_assert_held_write() of the writer */
#include "selftest.h"

static void scenario(void)
{
    RSL(A);
    lockdep_assert_held_read(&rwsem_A);
    RSU(A);
    WSL(A);
    rwsem_assert_held_write(&rwsem_A);
    WSU(A);
}

module_init(selftest_init);
