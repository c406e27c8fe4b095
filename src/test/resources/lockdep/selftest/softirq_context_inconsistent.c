/* lockdep_softirq_enter() makes lockdep count a softirq (current->softirq_context) without SOFTIRQ_OFFSET: a lock used there, then with softirqs on in the task */
#include "selftest.h"

static void scenario(void)
{
    local_bh_disable();
    local_irq_disable();
    lockdep_softirq_enter();
    L(D);
    U(D);
    lockdep_softirq_exit();
    local_irq_enable();
    local_bh_enable();
    L(D);
    U(D);
}

module_init(selftest_init);
