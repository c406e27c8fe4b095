/* after lockdep_softirq_exit() the task is out of the softirq: taking the softirq-safe lock with bottom halves off is fine */
#include "selftest.h"

static void scenario(void)
{
    local_bh_disable();
    local_irq_disable();
    lockdep_softirq_enter();
    L(C);
    U(C);
    lockdep_softirq_exit();
    local_irq_enable();
    local_bh_enable();
    spin_lock_bh(&lock_C);
    spin_unlock_bh(&lock_C);
}

module_init(selftest_init);
