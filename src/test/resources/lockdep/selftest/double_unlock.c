#include "selftest.h"

static void scenario(void)
{
    L(A); U(A); U(A);
}

module_init(selftest_init);
