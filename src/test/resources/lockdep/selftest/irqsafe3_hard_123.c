#include "selftest.h"

static void scenario(void)
{
    L(A); L(B); U(B); U(A);
    L(B); U(B);
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
}

module_init(selftest_init);
