#include "selftest.h"

static void scenario(void)
{
    L(B); U(B);
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
    HARDIRQ_DISABLE(); L(A); L(B); U(B); U(A); HARDIRQ_ENABLE();
}

module_init(selftest_init);
