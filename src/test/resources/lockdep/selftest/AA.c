#include "selftest.h"

static void scenario(void)
{
    L(X1); L(X2);
}

module_init(selftest_init);
