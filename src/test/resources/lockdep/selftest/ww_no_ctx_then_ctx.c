/* One ww_mutex taken without a context, then another of its class with one: nothing orders them */
#include "selftest.h"

static void scenario(void)
{
    ww_mutex_lock(&wc_A, NULL);
    CTX_BEGIN();
    WCL(B);
}

module_init(selftest_init);
