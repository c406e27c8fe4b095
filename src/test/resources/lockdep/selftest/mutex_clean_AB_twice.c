/* the same mutex order twice */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    ML(B);
    MU(B);
    MU(A);
    ML(A);
    ML(B);
    MU(B);
    MU(A);
}

module_init(selftest_init);
