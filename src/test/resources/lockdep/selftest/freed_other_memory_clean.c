/* memory next to a held lock freed: only the range that holds a lock map counts */
#include "selftest.h"

static void scenario(void)
{
    struct obj { int x; spinlock_t lock; } *o = kmalloc(sizeof(*o), GFP_KERNEL);
    void *other = kmalloc(64, GFP_KERNEL);
    spin_lock_init(&o->lock);
    spin_lock(&o->lock);
    kfree(other);
    spin_unlock(&o->lock);
    kfree(o);
}

module_init(selftest_init);
