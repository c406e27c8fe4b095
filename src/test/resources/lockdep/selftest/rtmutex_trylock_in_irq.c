/* rt_mutex_trylock() in a hardirq: refused with a WARN (CONFIG_DEBUG_RT_MUTEXES), lockdep is not told */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    if (rt_mutex_trylock(&rtmutex_A))
        RTU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
