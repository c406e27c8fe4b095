/* chain cached mixed R-L/L-W ABBA: the chain cache tells the read Y1 -> X1 from the write one */
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
    L(Y1);
    WL(X1);
    WU(X1);
    U(Y1);
}

module_init(selftest_init);
