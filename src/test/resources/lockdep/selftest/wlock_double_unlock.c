/* double unlock, write_lock (the debug rwlock check reports it too) */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    WU(A);
    WU(A);
}

module_init(selftest_init);
