/*
 * A context guard as locking-selftest defines them for its wait-context cells
 * (DEFINE_LOCK_GUARD_0 over rcu_read_lock_sched(), an LD_WAIT_SPIN context) with a
 * guard(mutex) inside it: "mutex in RCU_SCHED" is an invalid wait context
 */
#include "selftest.h"

DEFINE_LOCK_GUARD_0(RCU_SCHED, rcu_read_lock_sched(), rcu_read_unlock_sched())

static void mutex_in_RCU_SCHED(void)
{
    guard(RCU_SCHED)();
    guard(mutex)(&mutex_A);
}

static void scenario(void)
{
    mutex_in_RCU_SCHED();
}

module_init(selftest_init);
