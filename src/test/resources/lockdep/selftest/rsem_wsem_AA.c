/* down_read() of a semaphore under down_write() of another of its class (the same semaphore would really deadlock) */
#include "selftest.h"

static void scenario(void)
{
    WSL(X1);
    RSL(X2);
    RSU(X2);
    WSU(X1);
}

module_init(selftest_init);
