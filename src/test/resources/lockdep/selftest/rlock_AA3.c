/* mixed write-read-lock: a read after a write of the same class */
#include "selftest.h"

static void scenario(void)
{
    WL(X1);
    RL(X2);
}

module_init(selftest_init);
