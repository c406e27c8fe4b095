/* A-B-B-C-C-A with read locks only */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    RL(B);
    RU(B);
    RU(A);
    RL(B);
    RL(C);
    RU(C);
    RU(B);
    RL(C);
    RL(A);
    RU(A);
    RU(C);
}

module_init(selftest_init);
