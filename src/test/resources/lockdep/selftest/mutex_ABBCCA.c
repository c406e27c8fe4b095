/* A-B-B-C-C-A deadlock, mutexes */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    ML(B);
    MU(B);
    MU(A);
    ML(B);
    ML(C);
    MU(C);
    MU(B);
    ML(C);
    ML(A);
    MU(A);
    MU(C);
}

module_init(selftest_init);
