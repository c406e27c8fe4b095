/* ww_mutex_unlock() of a lock taken without a context, twice */
#include "selftest.h"

static void scenario(void)
{
    ww_mutex_lock(&wc_A, NULL);
    WCU(A);
    WCU(A);
}

module_init(selftest_init);
