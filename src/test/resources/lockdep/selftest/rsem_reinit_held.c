/* init_rwsem() of a held semaphore */
#include "selftest.h"

static void scenario(void)
{
    WSL(A);
    init_rwsem(&rwsem_A);
}

module_init(selftest_init);
