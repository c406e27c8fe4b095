/* selftest: preempt rt. a mutex under local_lock() is still invalid on RT (the section is a spinlock_t one: LD_WAIT_SLEEP inside LD_WAIT_CONFIG) */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    ML(A);
    MU(A);
    local_unlock(&llock_A);
}

module_init(selftest_init);
