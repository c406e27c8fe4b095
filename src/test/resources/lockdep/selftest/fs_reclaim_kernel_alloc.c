/* Inside reclaim, a GFP_KERNEL allocation may enter reclaim again */
#include "selftest.h"

static void scenario(void)
{
    fs_reclaim_acquire(GFP_KERNEL);
    kfree(kmalloc(16, GFP_KERNEL));
    fs_reclaim_release(GFP_KERNEL);
}

module_init(selftest_init);
