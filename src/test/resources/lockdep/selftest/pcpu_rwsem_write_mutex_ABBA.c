/* percpu_down_write() then a mutex, and the mutex then percpu_down_write() */
#include "selftest.h"

static void scenario(void)
{
    PWL(A);
    ML(A);
    MU(A);
    PWU(A);
    ML(A);
    PWL(A);
    PWU(A);
    MU(A);
}

module_init(selftest_init);
