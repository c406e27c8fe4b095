/* percpu_down_read() twice: not recursive (read = 1), a writer coming in between would deadlock; lockdep reports it as for rw_semaphore */
#include "selftest.h"

static void scenario(void)
{
    PRL(A);
    PRL(A);
    PRU(A);
    PRU(A);
}

module_init(selftest_init);
