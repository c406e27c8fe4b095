#include "selftest.h"

static void scenario(void)
{
    L(A); if (spin_trylock(&lock_B)) { L(C); U(C); U(B); } U(A); LU2(C, A);
}

module_init(selftest_init);
