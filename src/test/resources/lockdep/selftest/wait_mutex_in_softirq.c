/* a mutex while serving a softirq */
#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER();
    ML(A);
    MU(A);
    SOFTIRQ_EXIT();
}

module_init(selftest_init);
