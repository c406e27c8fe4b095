#include "selftest.h"

static void scenario(void)
{
    L(A); if (spin_trylock(&lock_B)) U(B); U(A); LU2(B, A);
}

module_init(selftest_init);
