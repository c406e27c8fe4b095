#include "selftest.h"

static void scenario(void)
{
    L(B); U(B);
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
    L(A); L(B); U(B); U(A);
}

module_init(selftest_init);
