#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT(); L(A); U(A);
}

module_init(selftest_init);
