/* spinlock_t and raw_spinlock_t inside rcu_read_lock() and rcu_read_lock_bh(), nested readers: all allowed */
#include "selftest.h"

static void scenario(void)
{
    rcu_read_lock();
    rcu_read_lock_bh();
    L(A);
    RAWL(A);
    RAWU(A);
    U(A);
    rcu_read_unlock_bh();
    rcu_read_unlock();
}

module_init(selftest_init);
