/* irq lock-inversion (hardirq, wlock), events 3-2-1: A read in the interrupt, B taken with irqs on, then A written with irqs off takes B (a safe -> unsafe order) */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
    WL(B);
    WU(B);
    HARDIRQ_DISABLE();
    WL(A);
    WL(B);
    WU(B);
    WU(A);
    HARDIRQ_ENABLE();
}

module_init(selftest_init);
