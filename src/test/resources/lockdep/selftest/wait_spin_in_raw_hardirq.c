/* a spinlock_t in a hardirq that would not be threaded (IRQF_NO_THREAD, the tick): context-{2:2} */
#include "selftest.h"

static void scenario(void)
{
    RAW_HARDIRQ_ENTER();
    L(A);
    U(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
