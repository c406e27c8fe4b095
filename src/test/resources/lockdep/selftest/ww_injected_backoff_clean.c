/*
 * CONFIG_DEBUG_WW_MUTEX_SLOWPATH: the first context of the class (stamp 1) counts down one
 * more acquisition, so its third lock is refused with an injected -EDEADLK and given back; the
 * protocol recovers (release all, ww_mutex_lock_slow() on it, take the others again).
 */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WARN_ON(ctx_1.stamp != 1);
    WARN_ON(WCL(A));
    WARN_ON(WCL(B));
    WARN_ON(WCL(C) != -EDEADLK);
    WARN_ON(ww_mutex_is_locked(&wc_C) || ctx_1.contending_lock != &wc_C);
    WCU(B);
    WCU(A);
    ww_mutex_lock_slow(&wc_C, &ctx_1);
    WARN_ON(WCL(A));
    WARN_ON(WCL(B));
    WCU(A);
    WCU(B);
    WCU(C);
    CTX_END();
}

module_init(selftest_init);
