#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
    L(A); L(B); U(B); U(A);
    L(B); U(B);
}

module_init(selftest_init);
