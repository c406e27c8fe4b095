#include "selftest.h"

static void scenario(void)
{
    L(A); L(B); U(A); U(B); LU2(A, B);
}

module_init(selftest_init);
