/* two semaphores of one class without annotation */
#include "selftest.h"

static void scenario(void)
{
    RSL(X1);
    RSL(X2);
    RSU(X2);
    RSU(X1);
}

module_init(selftest_init);
