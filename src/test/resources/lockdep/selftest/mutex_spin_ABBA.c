/*
 * mutex A then spinlock B, spinlock B then mutex A: the mutex taken under the spinlock is
 * reported first by the wait-context check (check_wait_context comes before the dependency
 * checks in __lock_acquire), so the cycle is never looked at (might_sleep also reports it)
 */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    L(B);
    U(B);
    MU(A);
    L(B);
    ML(A);
    MU(A);
    U(B);
}

module_init(selftest_init);
