/* spin_lock_init() again after the unlock: allowed */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    U(A);
    spin_lock_init(&lock_A);
    L(A);
    U(A);
}

module_init(selftest_init);
