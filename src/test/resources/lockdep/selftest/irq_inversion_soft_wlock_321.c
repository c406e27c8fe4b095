/* irq lock-inversion (softirq, wlock), events 3-2-1: A read in the softirq, B taken with softirqs on, then A written with softirqs off takes B (a safe -> unsafe order) */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER();
    RL(A);
    RU(A);
    SOFTIRQ_EXIT();
    WL(B);
    WU(B);
    SOFTIRQ_DISABLE();
    WL(A);
    WL(B);
    WU(B);
    WU(A);
    SOFTIRQ_ENABLE();
}

module_init(selftest_init);
