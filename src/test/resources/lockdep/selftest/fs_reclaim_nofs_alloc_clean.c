/* Inside reclaim, a GFP_NOFS and a GFP_ATOMIC allocation cannot recurse into fs reclaim */
#include "selftest.h"

static void scenario(void)
{
    fs_reclaim_acquire(GFP_KERNEL);
    kfree(kmalloc(16, GFP_NOFS));
    kfree(kmalloc(16, GFP_ATOMIC));
    might_alloc(GFP_NOIO);
    fs_reclaim_release(GFP_KERNEL);
}

module_init(selftest_init);
