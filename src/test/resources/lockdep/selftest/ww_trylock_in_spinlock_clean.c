/* a ww_mutex trylock inside a spinlock and a spinlock inside a ww_mutex section: fine */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WARN_ON(WCL(A));
    L(A);
    U(A);
    WCU(A);
    L(A);
    WARN_ON(!ww_mutex_trylock(&wc_B, &ctx_1));
    WCU(B);
    U(A);
    CTX_END();
}

module_init(selftest_init);
