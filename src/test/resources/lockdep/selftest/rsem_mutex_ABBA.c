/* a semaphore and a mutex in both orders */
#include "selftest.h"

static void scenario(void)
{
    WSL(A);
    ML(A);
    MU(A);
    WSU(A);
    ML(A);
    RSL(A);
    RSU(A);
    MU(A);
}

module_init(selftest_init);
