/* initialising one lock while holding another */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    spin_lock_init(&lock_B);
    U(A);
}

module_init(selftest_init);
