/* ww_acquire_done() twice */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    ww_acquire_done(&ctx_1);
    ww_acquire_done(&ctx_1);
    CTX_END();
}

module_init(selftest_init);
