/* read_lock() under a raw_spinlock_t */
#include "selftest.h"

static void scenario(void)
{
    RAWL(A);
    RL(A);
    RU(A);
    RAWU(A);
}

module_init(selftest_init);
