#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT(); HARDIRQ_DISABLE(); L(A); HARDIRQ_ENABLE(); U(A);
}

module_init(selftest_init);
