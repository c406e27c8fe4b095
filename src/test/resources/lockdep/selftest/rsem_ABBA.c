/* readers of two semaphores in both orders: a cycle (non-recursive readers block behind a waiting writer) */
#include "selftest.h"

static void scenario(void)
{
    RSL(A);
    RSL(B);
    RSU(B);
    RSU(A);
    RSL(B);
    RSL(A);
    RSU(A);
    RSU(B);
}

module_init(selftest_init);
