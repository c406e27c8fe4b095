/* The NOFS scope ended before the allocation: it is GFP_KERNEL again */
#include "selftest.h"

static void scenario(void)
{
    unsigned int flags;

    fs_reclaim_acquire(GFP_KERNEL);
    flags = memalloc_nofs_save();
    memalloc_nofs_restore(flags);
    might_alloc(GFP_KERNEL);
    fs_reclaim_release(GFP_KERNEL);
}

module_init(selftest_init);
