/* recursive read-lock #2: two rwlocks of one class, both read */
#include "selftest.h"

static void scenario(void)
{
    RL(X1);
    RL(X2);
}

module_init(selftest_init);
