/* A trylock without a context, then a blocking lock of the class: recursive */
#include "selftest.h"

static void scenario(void)
{
    WARN_ON(!ww_mutex_trylock(&wc_A, NULL));
    ww_mutex_lock(&wc_B, NULL);
}

module_init(selftest_init);
