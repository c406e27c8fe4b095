/* a spinlock_t taken under a raw_spinlock_t (LD_WAIT_CONFIG inside LD_WAIT_SPIN) */
#include "selftest.h"

static void scenario(void)
{
    RAWL(A);
    L(A);
    U(A);
    RAWU(A);
}

module_init(selftest_init);
