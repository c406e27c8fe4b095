/* two raw_spinlock_t of one class taken in a row with raw_spin_lock_nest_lock() under the mutex that serialises them: no recursion */
#include "selftest.h"

static raw_spinlock_t raw_X1, raw_X2;

static void init_rawclass_X(raw_spinlock_t *lock)
{
    raw_spin_lock_init(lock);
}

static void scenario(void)
{
    init_rawclass_X(&raw_X1);
    init_rawclass_X(&raw_X2);
    ML(D);
    raw_spin_lock_nest_lock(&raw_X1, &mutex_D);
    raw_spin_lock_nest_lock(&raw_X2, &mutex_D);
    raw_spin_unlock(&raw_X2);
    raw_spin_unlock(&raw_X1);
    MU(D);
}

module_init(selftest_init);
