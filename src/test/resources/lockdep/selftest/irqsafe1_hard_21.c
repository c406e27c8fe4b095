#include "selftest.h"

static void scenario(void)
{
    L(A); U(A); HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
}

module_init(selftest_init);
