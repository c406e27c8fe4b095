/* ww_mutex_init() of a ww_mutex that is held */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WCL(A);
    ww_mutex_init(&wc_A, &wd_class);
}

module_init(selftest_init);
