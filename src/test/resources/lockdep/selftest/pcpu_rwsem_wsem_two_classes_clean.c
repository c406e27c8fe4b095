/* two percpu_rw_semaphores of different classes written one inside the other: no report */
#include "selftest.h"

static void scenario(void)
{
    PWL(A);
    PWL(B);
    PWU(B);
    PWU(A);
}

module_init(selftest_init);
