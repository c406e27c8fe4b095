/* A lock taken with the context after ww_acquire_done() */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    ww_acquire_done(&ctx_1);
    WCL(B);
}

module_init(selftest_init);
