#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT(); SOFTIRQ_DISABLE(); L(A); SOFTIRQ_ENABLE(); U(A);
}

module_init(selftest_init);
