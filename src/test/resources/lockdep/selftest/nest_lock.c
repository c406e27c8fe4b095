#include "selftest.h"

static void scenario(void)
{
    L(A); spin_lock_nest_lock(&lock_X1, &lock_A); spin_lock_nest_lock(&lock_X2, &lock_A);
    U(X2); U(X1); U(A);
}

module_init(selftest_init);
