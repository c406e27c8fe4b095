/* a mutex inside an RCU read-side section: rcu_read_lock()'s map (rcu_lock_map) lets waits up to LD_WAIT_CONFIG in, a mutex waits LD_WAIT_SLEEP */
#include "selftest.h"

static void scenario(void)
{
    rcu_read_lock();
    ML(A);
    MU(A);
    rcu_read_unlock();
}

module_init(selftest_init);
