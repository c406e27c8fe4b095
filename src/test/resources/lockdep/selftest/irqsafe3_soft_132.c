#include "selftest.h"

static void scenario(void)
{
    L(A); L(B); U(B); U(A);
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
    L(B); U(B);
}

module_init(selftest_init);
