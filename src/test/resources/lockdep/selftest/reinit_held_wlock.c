/* rwlock_init() of a write-held rwlock */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    rwlock_init(&rwlock_A);
}

module_init(selftest_init);
