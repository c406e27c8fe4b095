/* write-read / read-read / write-write: -(ER)-> then -(SR)-> is no strong path */
#include "selftest.h"

static void scenario(void)
{
    WL(X1);
    RL(Y1);
    RU(Y1);
    WU(X1);
    RL(Y1);
    RL(Z1);
    RU(Z1);
    RU(Y1);
    WL(Z1);
    WL(X1);
    WU(X1);
    WU(Z1);
}

module_init(selftest_init);
