/* mixed write-lock/lock-write ABBA */
#include "selftest.h"

static void scenario(void)
{
    WL(X1);
    L(Y1);
    U(Y1);
    WU(X1);
    L(Y1);
    WL(X1);
    WU(X1);
    U(Y1);
}

module_init(selftest_init);
