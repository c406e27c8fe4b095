/* irq read-recursion #3 (softirq, wlock): read_lock(A); write_lock(B) elsewhere; <interrupt> read_lock(B); the writer of B then writes A */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE();
    WL(B);
    WL(A);
    WU(A);
    WU(B);
    SOFTIRQ_ENABLE();
    RL(A);
    RU(A);
    SOFTIRQ_ENTER();
    RL(B);
    RU(B);
    SOFTIRQ_EXIT();
}

module_init(selftest_init);
