/* a ww_mutex and a plain mutex taken in both orders */
#include "selftest.h"

static void scenario(void)
{
    CTX_BEGIN();
    WCL(A);
    ML(A);
    MU(A);
    WCU(A);
    ML(A);
    WCL(A);
    WCU(A);
    MU(A);
    CTX_END();
}

module_init(selftest_init);
