/* ww_mutex_lock() (a sleeping lock) inside a spinlock_t section */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    L(A);
    WCL(A);
}

module_init(selftest_init);
