/* write A then read B, read B then write A: the first task's read of B never waits for a reader */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    RL(B);
    RU(B);
    WU(A);
    RL(B);
    WL(A);
    WU(A);
    RU(B);
}

module_init(selftest_init);
