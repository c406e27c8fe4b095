/* Two ww_mutexes of one class under one acquire context, released, then the context ends: fine */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WARN_ON(WCL(A));
    WARN_ON(WCL(B));
    ww_acquire_done(&ctx_1);
    WARN_ON(ctx_1.acquired != 2 || wc_A.ctx != &ctx_1);
    WCU(B);
    WCU(A);
    CTX_END();
}

module_init(selftest_init);
