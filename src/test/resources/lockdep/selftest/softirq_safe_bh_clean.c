#include "selftest.h"

static void scenario(void)
{
    SOFTIRQ_ENTER(); L(A); U(A); SOFTIRQ_EXIT(); spin_lock_bh(&lock_A); spin_unlock_bh(&lock_A);
}

module_init(selftest_init);
