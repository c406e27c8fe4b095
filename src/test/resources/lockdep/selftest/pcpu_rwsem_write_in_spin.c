/* percpu_down_write() under a spinlock: sleeping in atomic context */
#include "selftest.h"

static void scenario(void)
{
    L(A);
    PWL(A);
    PWU(A);
    U(A);
}

module_init(selftest_init);
