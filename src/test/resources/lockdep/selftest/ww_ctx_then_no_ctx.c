/* Under a context, a second ww_mutex of the class taken without it */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WCL(A);
    ww_mutex_lock(&wc_B, NULL);
}

module_init(selftest_init);
