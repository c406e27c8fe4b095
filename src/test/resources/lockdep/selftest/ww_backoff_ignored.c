/* -EDEADLK on B is ignored and the context runs into a second contended lock C */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    HELD_BY_OTHER_CTX(B, -1);
    HELD_BY_OTHER_CTX(C, -1);
    WCL(A);
    WCL(B);
    WCL(C);
}

module_init(selftest_init);
