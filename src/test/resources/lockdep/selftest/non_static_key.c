#include "selftest.h"

static void scenario(void)
{
    spinlock_t *lock = kzalloc(sizeof(spinlock_t), GFP_KERNEL);
    spin_lock(lock);      /* never initialised */
    spin_unlock(lock);
}

module_init(selftest_init);
