/* ww_mutex_destroy() of a locked ww_mutex */
#include "selftest.h"

static void scenario(void)
{
    ww_mutex_lock(&wc_A, NULL);
    ww_mutex_destroy(&wc_A);
}

module_init(selftest_init);
