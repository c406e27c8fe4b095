/* spin_lock_nest_lock() with the nest lock not held */
#include "selftest.h"

static void scenario(void)
{
    spin_lock_nest_lock(&lock_X1, &lock_A);
    U(X1);
}

module_init(selftest_init);
