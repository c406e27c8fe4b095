/* irq read-recursion #3 (hardirq, rlock): read_lock(A); write_lock(B) elsewhere; <interrupt> read_lock(B); the writer of B then reads A */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_DISABLE();
    WL(B);
    RL(A);
    RU(A);
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
