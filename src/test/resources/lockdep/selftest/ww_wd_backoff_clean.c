/*
 * Wait-die: B is held by an older context, so ours, holding A, must die (-EDEADLK). It backs
 * off by the protocol: releases A, waits for B with ww_mutex_lock_slow(), then takes A again.
 */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    HELD_BY_OTHER_CTX(B, -1);
    WARN_ON(WCL(A));
    WARN_ON(WCL(B) != -EDEADLK);
    WARN_ON(ctx_1.contending_lock != &wc_B);
    WCU(A);
    OTHER_CTX_RELEASES(B);
    ww_mutex_lock_slow(&wc_B, &ctx_1);
    WARN_ON(ctx_1.contending_lock);
    WARN_ON(WCL(A));
    WCU(A);
    WCU(B);
    CTX_END();
}

module_init(selftest_init);
