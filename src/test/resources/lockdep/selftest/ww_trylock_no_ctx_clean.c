/* Trylocks need no context: one under a context, two nested without one */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WARN_ON(WCL(A));
    WARN_ON(!ww_mutex_trylock(&wc_B, NULL));
    WCU(B);
    WCU(A);
    CTX_END();
    WARN_ON(!ww_mutex_trylock(&wc_A, NULL));
    WARN_ON(!ww_mutex_trylock(&wc_B, NULL));
    WCU(B);
    WCU(A);
}

module_init(selftest_init);
