/* down_read() after downgrade_write(): the downgraded lock is a non-recursive read */
#include "selftest.h"

static void scenario(void)
{
    WSL(A);
    downgrade_write(&rwsem_A);
    RSL(A);
}

module_init(selftest_init);
