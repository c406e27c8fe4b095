/* spin_trylock() under a raw_spinlock_t: trylocks are not checked */
#include "selftest.h"

static void scenario(void)
{
    RAWL(A);
    if (spin_trylock(&lock_A))
        U(A);
    RAWU(A);
}

module_init(selftest_init);
