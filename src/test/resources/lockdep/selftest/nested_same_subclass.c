#include "selftest.h"

static void scenario(void)
{
    spin_lock_nested(&lock_X1, 1); spin_lock_nested(&lock_X2, 1); U(X2); U(X1);
}

module_init(selftest_init);
