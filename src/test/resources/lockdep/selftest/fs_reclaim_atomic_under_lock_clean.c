/* The same mutex around GFP_NOWAIT and GFP_ATOMIC allocations: they never enter reclaim */
#include "selftest.h"

static void scenario(void)
{
    fs_reclaim_acquire(GFP_KERNEL);
    ML(A);
    MU(A);
    fs_reclaim_release(GFP_KERNEL);

    ML(A);
    kfree(kmalloc(64, GFP_NOWAIT));
    kfree(kmalloc(64, GFP_ATOMIC));
    MU(A);
}

module_init(selftest_init);
