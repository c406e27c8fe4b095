/* A-A deadlock, write_lock */
#include "selftest.h"

static void scenario(void)
{
    WL(X1);
    WL(X2);
}

module_init(selftest_init);
