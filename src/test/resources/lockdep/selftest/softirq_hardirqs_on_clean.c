#include "selftest.h"

/* A softirq-safe lock that is hardirq-unsafe is consistent: softirqs run with hardirqs on. */
static void scenario(void)
{
    local_bh_disable(); __preempt_count_add(SOFTIRQ_OFFSET);
    L(A); U(A);
    __preempt_count_sub(SOFTIRQ_OFFSET); local_bh_enable();
    spin_lock_bh(&lock_A); spin_unlock_bh(&lock_A);
}

module_init(selftest_init);
