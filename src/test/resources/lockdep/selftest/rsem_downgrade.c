/* downgrade_write(): the held write becomes a read, released with up_read() */
#include "selftest.h"

static void scenario(void)
{
    WSL(A);
    downgrade_write(&rwsem_A);
    RSU(A);
    WSL(A);
    WSU(A);
}

module_init(selftest_init);
