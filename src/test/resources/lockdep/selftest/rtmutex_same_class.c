/* two rt_mutexes of one class (one rt_mutex_init() call site) nested without annotation */
#include "selftest.h"

static void scenario(void)
{
    RTL(X1);
    RTL(X2);
    RTU(X2);
    RTU(X1);
}

module_init(selftest_init);
