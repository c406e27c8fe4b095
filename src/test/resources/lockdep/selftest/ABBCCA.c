#include "selftest.h"

static void scenario(void)
{
    LU2(A, B); LU2(B, C); LU2(C, A);
}

module_init(selftest_init);
