/* the same with rt_mutex_lock_nested() for the inner one */
#include "selftest.h"

static void scenario(void)
{
    RTL(X1);
    rt_mutex_lock_nested(&rtmutex_X2, SINGLE_DEPTH_NESTING);
    RTU(X2);
    RTU(X1);
}

module_init(selftest_init);
