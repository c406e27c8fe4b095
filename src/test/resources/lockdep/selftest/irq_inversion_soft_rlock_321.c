/* irq lock-inversion (softirq, rlock): A written with irqs off takes B; B taken with irqs on; A read in the interrupt */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER();
    RL(A);
    RU(A);
    SOFTIRQ_EXIT();
    RL(B);
    RU(B);
    SOFTIRQ_DISABLE();
    WL(A);
    RL(B);
    RU(B);
    WU(A);
    SOFTIRQ_ENABLE();
}

module_init(selftest_init);
