/* read A then write B, write B then write A: the write of A waits for the reader that waits for B */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    WL(B);
    WU(B);
    RU(A);
    WL(B);
    WL(A);
    WU(A);
    WU(B);
}

module_init(selftest_init);
