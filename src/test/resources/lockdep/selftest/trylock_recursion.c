#include "selftest.h"

static void scenario(void)
{
    L(X1); if (spin_trylock(&lock_X2)) U(X2); U(X1);
}

module_init(selftest_init);
