/* rt_mutex_lock() under a spinlock: LD_WAIT_SLEEP inside LD_WAIT_CONFIG */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    RTL(A);
    RTU(A);
    U(A);
}

module_init(selftest_init);
