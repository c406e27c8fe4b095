/* irq lock-inversion (hardirq, wlock): A written with irqs off takes B; B taken with irqs on; A read in the interrupt */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_DISABLE();
    WL(A);
    WL(B);
    WU(B);
    WU(A);
    HARDIRQ_ENABLE();
    WL(B);
    WU(B);
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
