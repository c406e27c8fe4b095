#include "selftest.h"

static void scenario(void)
{
    L(A); L(B); U(B); U(A);
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
    L(B); U(B);
}

module_init(selftest_init);
