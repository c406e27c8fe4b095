/* percpu_down_read() under a spinlock: it may sleep (might_sleep); its lockdep map has no wait type, so it is the kernel, not lockdep, that reports */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    PRL(A);
    PRU(A);
    U(A);
}

module_init(selftest_init);
