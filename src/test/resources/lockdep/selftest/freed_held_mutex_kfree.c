/* a mutex in a kmalloc'ed object, freed while held */
#include "selftest.h"

static void scenario(void)
{
    struct obj { struct mutex m; int x; } *o = kmalloc(sizeof(*o), GFP_KERNEL);
    mutex_init(&o->m);
    mutex_lock(&o->m);
    kfree(o);
}

module_init(selftest_init);
