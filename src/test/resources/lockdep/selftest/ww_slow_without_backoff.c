/* ww_mutex_lock_slow() without an -EDEADLK before it */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    ww_mutex_lock_slow(&wc_A, &ctx_1);
}

module_init(selftest_init);
