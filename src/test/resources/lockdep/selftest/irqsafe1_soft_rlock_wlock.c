/* read_lock in a softirq, write_lock with softirqs enabled: {IN-SOFTIRQ-R} -> {SOFTIRQ-ON-W} */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER();
    RL(A);
    RU(A);
    SOFTIRQ_EXIT();
    WL(A);
    WU(A);
}

module_init(selftest_init);
