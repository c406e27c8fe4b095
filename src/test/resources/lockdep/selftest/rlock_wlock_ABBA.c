/* read A then write B, write B then read A: the second read never waits for the first reader */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    WL(B);
    WU(B);
    RU(A);
    WL(B);
    RL(A);
    RU(A);
    WU(B);
}

module_init(selftest_init);
