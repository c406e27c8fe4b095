#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT(); HARDIRQ_DISABLE(); L(A); HARDIRQ_ENABLE(); U(A);
}

module_init(selftest_init);
