/* ww_acquire_fini() twice: the second releases a context lockdep no longer holds */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    CTX_END();
    CTX_END();
}

module_init(selftest_init);
