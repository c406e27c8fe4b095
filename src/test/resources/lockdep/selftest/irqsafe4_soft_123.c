#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE(); L(A); L(B); U(B); U(A); SOFTIRQ_ENABLE();
    L(B); U(B);
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
}

module_init(selftest_init);
