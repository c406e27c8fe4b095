/* write-read / write-read / write-read: a deadlock even though the reads are recursive */
#include "selftest.h"

static void scenario(void)
{
    WL(X1);
    RL(Y1);
    RU(Y1);
    WU(X1);
    WL(Y1);
    RL(Z1);
    RU(Z1);
    WU(Y1);
    WL(Z1);
    RL(X1);
    RU(X1);
    WU(Z1);
}

module_init(selftest_init);
