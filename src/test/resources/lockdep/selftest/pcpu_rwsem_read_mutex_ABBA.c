/* percpu_down_read() then a mutex, and the mutex then percpu_down_read(): a read is a dependency too (read = 1) */
#include "selftest.h"

static void scenario(void)
{
    PRL(A);
    ML(A);
    MU(A);
    PRU(A);
    ML(A);
    PRL(A);
    PRU(A);
    MU(A);
}

module_init(selftest_init);
