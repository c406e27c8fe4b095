/* mutex_lock_nest_lock() with the nest lock not held */
#include "selftest.h"

static void scenario(void)
{
    mutex_lock_nest_lock(&mutex_X1, &mutex_A);
    MU(X1);
}

module_init(selftest_init);
