/* A memalloc_nofs_save() scope turns the GFP_KERNEL allocation inside reclaim into GFP_NOFS */
#include "selftest.h"

static void scenario(void)
{
    unsigned int flags;

    fs_reclaim_acquire(GFP_KERNEL);
    flags = memalloc_nofs_save();
    kfree(kmalloc(16, GFP_KERNEL));
    memalloc_nofs_restore(flags);
    fs_reclaim_release(GFP_KERNEL);
}

module_init(selftest_init);
