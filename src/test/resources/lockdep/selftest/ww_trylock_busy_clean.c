/* A trylock with a context of a lock another context holds fails without backing off; a context holding nothing is never told to */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    HELD_BY_OTHER_CTX(B, -1);
    WARN_ON(ww_mutex_trylock(&wc_B, &ctx_1));
    OTHER_CTX_RELEASES(B);
    WARN_ON(ww_mutex_lock_interruptible(&wc_B, &ctx_1));
    WARN_ON(ww_mutex_trylock(&wc_A, &ctx_1) != 1);
    WARN_ON(ctx_1.acquired != 2);
    WCU(A);
    WCU(B);
    CTX_END();
}

module_init(selftest_init);
