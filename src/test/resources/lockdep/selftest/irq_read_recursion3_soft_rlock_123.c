/* irq read-recursion #3 (softirq, rlock): read_lock(A); write_lock(B) elsewhere; <interrupt> read_lock(B); the writer of B then reads A */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_DISABLE();
    WL(B);
    RL(A);
    RU(A);
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
