/* spin_lock_init() of a held spinlock (__raw_spin_lock_init checks first) */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    spin_lock_init(&lock_A);
}

module_init(selftest_init);
