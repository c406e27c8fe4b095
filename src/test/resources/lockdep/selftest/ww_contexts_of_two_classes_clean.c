/* Contexts of two different classes may nest, each with its own locks */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    ww_acquire_init(&ctx_2, &wound_class);
    WARN_ON(WCL(A));
    WARN_ON(ww_mutex_lock(&ww_A, &ctx_2));
    ww_mutex_unlock(&ww_A);
    WCU(A);
    ww_acquire_fini(&ctx_2);
    CTX_END();
}

module_init(selftest_init);
