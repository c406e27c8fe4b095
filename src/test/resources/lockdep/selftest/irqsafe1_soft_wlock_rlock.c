/* write_lock with softirqs enabled, read_lock in a softirq: {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-R} */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    WU(A);
    SOFTIRQ_ENTER();
    RL(A);
    RU(A);
    SOFTIRQ_EXIT();
}

module_init(selftest_init);
