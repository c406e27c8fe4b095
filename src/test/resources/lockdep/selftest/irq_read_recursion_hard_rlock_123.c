/* irq read-recursion (hardirq, rlock): A read with irqs on, then read in the interrupt: an interrupted reader with a writer waiting for A */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_DISABLE();
    WL(A);
    WU(A);
    HARDIRQ_ENABLE();
    RL(A);
    RU(A);
    HARDIRQ_ENTER();
    RL(A);
    L(B);
    U(B);
    RU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
