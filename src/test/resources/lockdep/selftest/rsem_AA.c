/* down_read() twice: rw_semaphore readers are not recursive (a writer waiting between them deadlocks) */
#include "selftest.h"

static void scenario(void)
{
    RSL(A);
    RSL(A);
}

module_init(selftest_init);
