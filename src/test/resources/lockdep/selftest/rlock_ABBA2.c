/* mixed read-lock/lock-read ABBA: the read under the spinlock never waits for the reader */
#include "selftest.h"

static void scenario(void)
{
    RL(X1);
    L(Y1);
    U(Y1);
    RU(X1);
    L(Y1);
    RL(X1);
    RU(X1);
    U(Y1);
}

module_init(selftest_init);
