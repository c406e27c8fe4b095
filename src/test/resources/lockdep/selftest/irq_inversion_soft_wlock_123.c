/* irq lock-inversion (softirq, wlock): A written with irqs off takes B; B taken with irqs on; A read in the interrupt */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE();
    WL(A);
    WL(B);
    WU(B);
    WU(A);
    SOFTIRQ_ENABLE();
    WL(B);
    WU(B);
    SOFTIRQ_ENTER();
    RL(A);
    RU(A);
    SOFTIRQ_EXIT();
}

module_init(selftest_init);
