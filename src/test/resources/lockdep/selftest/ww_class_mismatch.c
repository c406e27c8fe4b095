/* A context of the wound-wait class takes a mutex of the wait-die class */
#include "selftest.h"

static void scenario(void)
{
    ww_acquire_init(&ctx_2, &wound_class);
    ww_mutex_lock(&wc_A, &ctx_2);
}

module_init(selftest_init);
