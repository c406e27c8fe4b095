#include "selftest.h"

static void scenario(void)
{
    U(A);
}

module_init(selftest_init);
