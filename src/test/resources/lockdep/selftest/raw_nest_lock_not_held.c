/* raw_spin_lock_nest_lock() naming a mutex the task does not hold as its nest lock */
#include "selftest.h"

static void scenario(void)
{
    raw_spin_lock_nest_lock(&raw_B, &mutex_D);
    RAWU(B);
}

module_init(selftest_init);
