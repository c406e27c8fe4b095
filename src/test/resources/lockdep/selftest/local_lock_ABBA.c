/* a local lock and a spinlock in both orders */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    L(A);
    U(A);
    local_unlock(&llock_A);
    L(A);
    local_lock(&llock_A);
    local_unlock(&llock_A);
    U(A);
}

module_init(selftest_init);
