#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE(); L(A); L(B); U(B); U(A); SOFTIRQ_ENABLE();
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
    L(B); U(B);
}

module_init(selftest_init);
