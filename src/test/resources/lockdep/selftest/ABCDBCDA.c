#include "selftest.h"

static void scenario(void)
{
    LU2(A, B); LU2(C, D); LU2(B, C); LU2(D, A);
}

module_init(selftest_init);
