/* a mutex inside a softirq that only lockdep_softirq_enter() marks: the softirq wait context (LD_WAIT_CONFIG) */
#include "selftest.h"

static void scenario(void)
{
    local_bh_disable();
    lockdep_softirq_enter();
    ML(C);
    MU(C);
    lockdep_softirq_exit();
    local_bh_enable();
}

module_init(selftest_init);
