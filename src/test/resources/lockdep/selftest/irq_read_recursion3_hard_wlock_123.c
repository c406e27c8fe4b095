/* irq read-recursion #3 (hardirq, wlock): read_lock(A); write_lock(B) elsewhere; <interrupt> read_lock(B); the writer of B then writes A */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_DISABLE();
    WL(B);
    WL(A);
    WU(A);
    WU(B);
    HARDIRQ_ENABLE();
    RL(A);
    RU(A);
    HARDIRQ_ENTER();
    RL(B);
    RU(B);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
