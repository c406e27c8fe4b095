/* write-write / read-read / read-write: -(SR)-> then -(SN)-> is no strong path */
#include "selftest.h"

static void scenario(void)
{
    WL(X1);
    WL(Y1);
    WU(Y1);
    WU(X1);
    RL(Y1);
    RL(Z1);
    RU(Z1);
    RU(Y1);
    RL(Z1);
    WL(X1);
    WU(X1);
    RU(Z1);
}

module_init(selftest_init);
