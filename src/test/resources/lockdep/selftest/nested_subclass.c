#include "selftest.h"

static void scenario(void)
{
    L(X1); spin_lock_nested(&lock_X2, SINGLE_DEPTH_NESTING); U(X2); U(X1);
}

module_init(selftest_init);
