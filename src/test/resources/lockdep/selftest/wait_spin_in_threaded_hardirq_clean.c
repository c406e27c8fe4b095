/* a spinlock_t in a hardirq force_irqthreads would thread, a raw one in any hardirq */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    L(A);
    U(A);
    HARDIRQ_EXIT();
    RAW_HARDIRQ_ENTER();
    RAWL(A);
    RAWU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
