/* a mutex inside rcu_read_lock_bh(): rcu_bh_lock_map is LD_WAIT_CONFIG inside too */
#include "selftest.h"

static void scenario(void)
{
    rcu_read_lock_bh();
    ML(B);
    MU(B);
    rcu_read_unlock_bh();
}

module_init(selftest_init);
