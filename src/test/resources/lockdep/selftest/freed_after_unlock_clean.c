/* the same object freed after the unlock: nothing held there */
#include "selftest.h"

static void scenario(void)
{
    struct obj { int x; spinlock_t lock; } *o = kmalloc(sizeof(*o), GFP_KERNEL);
    spin_lock_init(&o->lock);
    spin_lock(&o->lock);
    spin_unlock(&o->lock);
    kfree(o);
}

module_init(selftest_init);
