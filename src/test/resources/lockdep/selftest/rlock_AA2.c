/* mixed read-write-lock: a write after a read of the same class */
#include "selftest.h"

static void scenario(void)
{
    RL(X1);
    WL(X2);
}

module_init(selftest_init);
