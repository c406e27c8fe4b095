/* percpu_down_read()/write() then a mutex, always in that order: no report */
#include "selftest.h"

static void scenario(void)
{
    PRL(A);
    ML(A);
    MU(A);
    PRU(A);
    PWL(A);
    ML(A);
    MU(A);
    PWU(A);
    PRL(A);
    ML(A);
    MU(A);
    PRU(A);
}

module_init(selftest_init);
