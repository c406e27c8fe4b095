/* a mutex under write_lock() */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    ML(A);
    MU(A);
    WU(A);
}

module_init(selftest_init);
