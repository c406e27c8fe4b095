/* The context asks again for a lock it holds: -EALREADY, no lockdep report, nothing changes */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WARN_ON(WCL(A));
    WARN_ON(WCL(A) != -EALREADY);
    WARN_ON(ctx_1.acquired != 1);
    WARN_ON(ww_mutex_trylock(&wc_A, NULL));
    WCU(A);
    WARN_ON(ww_mutex_is_locked(&wc_A));
    CTX_END();
}

module_init(selftest_init);
