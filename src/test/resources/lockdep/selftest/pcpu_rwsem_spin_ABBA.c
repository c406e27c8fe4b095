/* a spinlock inside percpu_down_write(), then percpu_down_read() inside that spinlock (which is also sleeping in atomic; lockdep reports first) */
#include "selftest.h"

static void scenario(void)
{
    PWL(A);
    L(A);
    U(A);
    PWU(A);
    L(A);
    PRL(A);
    PRU(A);
    U(A);
}

module_init(selftest_init);
