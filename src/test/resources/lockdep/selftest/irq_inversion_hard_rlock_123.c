/* irq lock-inversion (hardirq, rlock): A written with irqs off takes B; B taken with irqs on; A read in the interrupt */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_DISABLE();
    WL(A);
    RL(B);
    RU(B);
    WU(A);
    HARDIRQ_ENABLE();
    RL(B);
    RU(B);
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
