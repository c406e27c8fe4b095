/* rwlock_init() of a read-held rwlock */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    rwlock_init(&rwlock_A);
}

module_init(selftest_init);
