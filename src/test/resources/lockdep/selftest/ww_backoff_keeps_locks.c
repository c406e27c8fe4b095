/* After -EDEADLK the context goes on to the contended lock without releasing what it holds */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    HELD_BY_OTHER_CTX(B, -1);
    WCL(A);
    WCL(B);
    OTHER_CTX_RELEASES(B);
    ww_mutex_lock_slow(&wc_B, &ctx_1);
}

module_init(selftest_init);
