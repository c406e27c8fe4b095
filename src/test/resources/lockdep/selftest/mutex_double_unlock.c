/* double unlock, mutex */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    MU(A);
    MU(A);
}

module_init(selftest_init);
