#include "selftest.h"

static void scenario(void)
{
    spinlock_t *locks = kmalloc(2 * sizeof(spinlock_t), GFP_KERNEL);
    int i;
    for (i = 0; i < 2; i++)
        spin_lock_init(&locks[i]);
    spin_lock(&locks[0]);
    spin_lock(&locks[1]);
    spin_unlock(&locks[1]);
    spin_unlock(&locks[0]);
}

module_init(selftest_init);
