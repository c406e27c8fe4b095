/* a mutex under local_lock(): LD_WAIT_SLEEP inside LD_WAIT_CONFIG */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    ML(A);
    MU(A);
    local_unlock(&llock_A);
}

module_init(selftest_init);
