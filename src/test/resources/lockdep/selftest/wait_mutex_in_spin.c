/* a mutex under a spinlock_t (LD_WAIT_SLEEP inside LD_WAIT_CONFIG) */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    ML(A);
    MU(A);
    U(A);
}

module_init(selftest_init);
