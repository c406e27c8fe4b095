#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER(); L(X1); L(X2); U(X2); U(X1); HARDIRQ_EXIT();
}

module_init(selftest_init);
