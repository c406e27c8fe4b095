#include "selftest.h"

static void scenario(void)
{
    LU2(A, B); LU2(B, C); LU2(A, C); L(A); L(B); L(C); U(C); U(B); U(A);
}

module_init(selftest_init);
