#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
    L(B); U(B);
    SOFTIRQ_DISABLE(); LU2(A, C); LU2(C, B); SOFTIRQ_ENABLE();
}

module_init(selftest_init);
