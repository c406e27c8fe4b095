/* down_read() under a spinlock: LD_WAIT_SLEEP inside LD_WAIT_CONFIG */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    RSL(A);
    RSU(A);
    U(A);
}

module_init(selftest_init);
