#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE(); L(A); SOFTIRQ_ENABLE(); U(A); SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
}

module_init(selftest_init);
