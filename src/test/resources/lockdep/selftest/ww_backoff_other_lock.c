/* After -EDEADLK on B, with A released, the context takes C instead of B */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    HELD_BY_OTHER_CTX(B, -1);
    WCL(A);
    WCL(B);
    WCU(A);
    WCL(C);
}

module_init(selftest_init);
