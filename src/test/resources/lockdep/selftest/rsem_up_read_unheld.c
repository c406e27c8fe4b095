/* up_read() of a semaphore not held (lockdep first; the count check then WARNs too) */
#include "selftest.h"

static void scenario(void)
{
    RSL(A);
    RSU(A);
    RSU(B);
}

module_init(selftest_init);
