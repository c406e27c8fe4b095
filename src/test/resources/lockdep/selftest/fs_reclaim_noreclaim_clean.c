/* A task marked as reclaiming (PF_MEMALLOC) does not enter reclaim again from GFP_KERNEL */
#include "selftest.h"

static void scenario(void)
{
    unsigned int flags;

    fs_reclaim_acquire(GFP_KERNEL);
    flags = memalloc_noreclaim_save();
    kfree(kmalloc(16, GFP_KERNEL));
    memalloc_noreclaim_restore(flags);
    fs_reclaim_release(GFP_KERNEL);
}

module_init(selftest_init);
