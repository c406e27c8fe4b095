#include "selftest.h"

static void scenario(void)
{
    L(A); HARDIRQ_ENTER(); L(B); U(A); U(B); HARDIRQ_EXIT();
}

module_init(selftest_init);
