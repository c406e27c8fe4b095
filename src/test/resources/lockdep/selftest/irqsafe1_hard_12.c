#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT(); L(A); U(A);
}

module_init(selftest_init);
