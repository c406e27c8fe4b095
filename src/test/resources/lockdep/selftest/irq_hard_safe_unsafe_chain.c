#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
    L(B); U(B);
    HARDIRQ_DISABLE(); LU2(A, C); LU2(C, B); HARDIRQ_ENABLE();
}

module_init(selftest_init);
