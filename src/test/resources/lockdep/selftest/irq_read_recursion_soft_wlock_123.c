/* irq read-recursion (softirq, wlock): A read with irqs on, then written in the interrupt: an interrupted reader with a writer waiting for A */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE();
    WL(A);
    WU(A);
    SOFTIRQ_ENABLE();
    RL(A);
    RU(A);
    SOFTIRQ_ENTER();
    WL(A);
    L(B);
    U(B);
    WU(A);
    SOFTIRQ_EXIT();
}

module_init(selftest_init);
