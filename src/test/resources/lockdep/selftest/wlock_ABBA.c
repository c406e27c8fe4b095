/* A-B-B-A deadlock, write_lock */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    WL(B);
    WU(B);
    WU(A);
    WL(B);
    WL(A);
    WU(A);
    WU(B);
}

module_init(selftest_init);
