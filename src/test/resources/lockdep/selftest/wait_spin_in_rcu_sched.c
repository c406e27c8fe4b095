/* a spinlock_t inside rcu_read_lock_sched(): rcu_sched_lock_map only lets spinning waits (LD_WAIT_SPIN) in, as a raw_spinlock_t */
#include "selftest.h"

static void scenario(void)
{
    rcu_read_lock_sched();
    L(B);
    U(B);
    rcu_read_unlock_sched();
}

module_init(selftest_init);
