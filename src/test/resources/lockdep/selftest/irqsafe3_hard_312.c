#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
    L(A); L(B); U(B); U(A);
    L(B); U(B);
}

module_init(selftest_init);
