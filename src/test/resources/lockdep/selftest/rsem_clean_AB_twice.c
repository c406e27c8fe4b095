/* one order, twice, readers and writers */
#include "selftest.h"

static void scenario(void)
{
    RSL(A);
    WSL(B);
    WSU(B);
    RSU(A);
    WSL(A);
    RSL(B);
    RSU(B);
    WSU(A);
}

module_init(selftest_init);
