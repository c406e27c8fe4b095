/* The context ends while a lock taken with it is still held: the lock loses its nest_lock */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WCL(A);
    CTX_END();
}

module_init(selftest_init);
