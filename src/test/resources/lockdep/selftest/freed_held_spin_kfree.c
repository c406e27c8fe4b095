/* a spinlock in a kmalloc'ed object, freed while held (debug_check_no_locks_freed from kfree) */
#include "selftest.h"

static void scenario(void)
{
    struct obj { int x; spinlock_t lock; } *o = kmalloc(sizeof(*o), GFP_KERNEL);
    spin_lock_init(&o->lock);
    spin_lock(&o->lock);
    kfree(o);
}

module_init(selftest_init);
