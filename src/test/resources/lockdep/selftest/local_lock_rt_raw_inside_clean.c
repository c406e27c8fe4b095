/* selftest: preempt rt. a raw_spinlock_t inside local_lock() on RT: spinning inside a sleeping lock is legal */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    RAWL(A);
    RAWU(A);
    local_unlock(&llock_A);
}

module_init(selftest_init);
