#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_DISABLE(); L(A); HARDIRQ_ENABLE(); U(A); SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT();
}

module_init(selftest_init);
