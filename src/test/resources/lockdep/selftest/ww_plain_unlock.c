/* A ww_mutex taken with a context but released with plain mutex_unlock(): its context stays set */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WCL(A);
    mutex_unlock(&wc_A.base);
    ww_mutex_trylock(&wc_A, &ctx_1);
}

module_init(selftest_init);
