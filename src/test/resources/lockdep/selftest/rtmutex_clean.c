/* rt_mutex_lock/unlock of two rt_mutexes in one order, twice, and a trylock */
#include "selftest.h"

static void scenario(void)
{
    RTL(A);
    RTL(B);
    RTU(B);
    RTU(A);
    RTL(A);
    RTL(B);
    RTU(B);
    RTU(A);
    if (rt_mutex_trylock(&rtmutex_A))
        RTU(A);
}

module_init(selftest_init);
