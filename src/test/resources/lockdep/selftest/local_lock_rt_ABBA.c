/* selftest: preempt rt. local_lock() and a spinlock_t in both orders: on RT the local lock is a real lock in the dependency graph */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    L(A);
    U(A);
    local_unlock(&llock_A);
    L(A);
    local_lock(&llock_A);
    local_unlock(&llock_A);
    U(A);
}

module_init(selftest_init);
