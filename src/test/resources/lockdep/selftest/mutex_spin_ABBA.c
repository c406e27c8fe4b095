/* mutex A then spinlock B, spinlock B then mutex A (might_sleep also reports the mutex_lock under the spinlock) */
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
