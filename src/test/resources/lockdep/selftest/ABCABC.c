#include "selftest.h"

static void scenario(void)
{
    LU2(A, B); LU2(C, A); LU2(B, C);
}

module_init(selftest_init);
