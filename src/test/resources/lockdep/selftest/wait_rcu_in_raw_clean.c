/* RCU readers of the three flavours inside a raw_spinlock_t: their outer wait type is LD_WAIT_FREE */
#include "selftest.h"

static void scenario(void)
{
    RAWL(B);
    rcu_read_lock();
    rcu_read_lock_sched();
    rcu_read_unlock_sched();
    rcu_read_unlock();
    RAWU(B);
}

module_init(selftest_init);
