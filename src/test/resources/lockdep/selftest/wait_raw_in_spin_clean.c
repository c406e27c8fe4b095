/* a raw_spinlock_t under a spinlock_t, a spinlock_t under a spinlock_t */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    RAWL(A);
    RAWU(A);
    L(B);
    U(B);
    U(A);
}

module_init(selftest_init);
