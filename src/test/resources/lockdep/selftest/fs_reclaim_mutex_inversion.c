/*
 * A mutex taken by reclaim (a shrinker, say) is also held around a GFP_KERNEL allocation,
 * which may enter reclaim and wait for that mutex: mutex -> fs_reclaim -> mutex.
 */
#include "selftest.h"

static void scenario(void)
{
    fs_reclaim_acquire(GFP_KERNEL);
    ML(A);
    MU(A);
    fs_reclaim_release(GFP_KERNEL);

    ML(A);
    kfree(kmalloc(64, GFP_KERNEL));
    MU(A);
}

module_init(selftest_init);
