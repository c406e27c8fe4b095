/* A-B-B-A with read locks only: reader to recursive-reader links make no deadlock */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    RL(B);
    RU(B);
    RU(A);
    RL(B);
    RL(A);
    RU(A);
    RU(B);
}

module_init(selftest_init);
