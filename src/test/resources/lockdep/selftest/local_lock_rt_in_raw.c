/* selftest: preempt rt. local_lock() under a raw_spinlock_t: on RT a sleeping lock in a spinning section, LD_WAIT_CONFIG inside LD_WAIT_SPIN */
#include "selftest.h"

static void scenario(void)
{
    RAWL(A);
    local_lock(&llock_A);
    local_unlock(&llock_A);
    RAWU(A);
}

module_init(selftest_init);
