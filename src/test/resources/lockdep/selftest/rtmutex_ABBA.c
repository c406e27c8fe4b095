/* two rt_mutexes in both orders */
#include "selftest.h"

static void scenario(void)
{
    RTL(A);
    RTL(B);
    RTU(B);
    RTU(A);
    RTL(B);
    RTL(A);
    RTU(A);
    RTU(B);
}

module_init(selftest_init);
