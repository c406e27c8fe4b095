/* A second acquire context of the same class in one task: lockdep sees the class acquired twice */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    ww_acquire_init(&ctx_2, &wd_class);
}

module_init(selftest_init);
