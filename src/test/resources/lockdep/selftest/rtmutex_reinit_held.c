/* rt_mutex_init() of a held rt_mutex */
#include "selftest.h"

static void scenario(void)
{
    RTL(A);
    rt_mutex_init(&rtmutex_A);
}

module_init(selftest_init);
