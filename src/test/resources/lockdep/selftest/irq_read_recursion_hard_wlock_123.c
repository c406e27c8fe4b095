/* irq read-recursion (hardirq, wlock): A read with irqs on, then written in the interrupt: an interrupted reader with a writer waiting for A */
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
    WL(A);
    L(B);
    U(B);
    WU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
