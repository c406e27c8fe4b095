#include "selftest.h"

static void scenario(void)
{
    L(B); U(B);
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
    L(A); L(B); U(B); U(A);
}

module_init(selftest_init);
