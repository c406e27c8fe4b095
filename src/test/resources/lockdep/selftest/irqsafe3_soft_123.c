#include "selftest.h"

static void scenario(void)
{
    L(A); L(B); U(B); U(A);
    L(B); U(B);
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
}

module_init(selftest_init);
