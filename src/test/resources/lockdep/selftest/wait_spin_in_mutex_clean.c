/* spinlocks of both kinds under a mutex, a mutex under a mutex */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    L(A);
    RAWL(A);
    RAWU(A);
    U(A);
    ML(B);
    MU(B);
    MU(A);
}

module_init(selftest_init);
