/* spinlocks under a held rw_semaphore, a mutex under it */
#include "selftest.h"

static void scenario(void)
{
    WSL(A);
    L(A);
    U(A);
    ML(A);
    MU(A);
    WSU(A);
}

module_init(selftest_init);
