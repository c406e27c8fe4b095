/* A-B-B-A deadlock, two mutexes */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    ML(B);
    MU(B);
    MU(A);
    ML(B);
    ML(A);
    MU(A);
    MU(B);
}

module_init(selftest_init);
