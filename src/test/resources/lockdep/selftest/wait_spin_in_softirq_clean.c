/* a spinlock_t while serving a softirq (LD_WAIT_CONFIG) */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER();
    L(A);
    U(A);
    SOFTIRQ_EXIT();
}

module_init(selftest_init);
