#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(X1); L(X2); U(X2); U(X1); SOFTIRQ_EXIT();
}

module_init(selftest_init);
