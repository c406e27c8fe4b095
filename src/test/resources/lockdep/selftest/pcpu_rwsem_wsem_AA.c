/* percpu_down_write() of a semaphore under percpu_down_write() of another of its class: writer recursion (the same semaphore would really deadlock) */
#include "selftest.h"

static void scenario(void)
{
    PWL(X1);
    PWL(X2);
    PWU(X2);
    PWU(X1);
}

module_init(selftest_init);
