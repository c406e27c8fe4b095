/* spinlocks inside percpu_rw_semaphore sections, in both modes: legal */
#include "selftest.h"

static void scenario(void)
{
    PRL(A);
    L(A);
    U(A);
    PRU(A);
    PWL(A);
    L(A);
    U(A);
    PWU(A);
}

module_init(selftest_init);
