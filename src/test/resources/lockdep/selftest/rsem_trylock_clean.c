/* down_read_trylock() and down_write_trylock() of held semaphores' classes: trylocks never deadlock */
#include "selftest.h"

static void scenario(void)
{
    RSL(X1);
    if (down_read_trylock(&rwsem_X2))
        RSU(X2);
    RSU(X1);
}

module_init(selftest_init);
