/* the subclass is a class of its own: X1 then X2/1, X2/1 then X1 is a cycle */
#include "selftest.h"

static void scenario(void)
{
    lockdep_set_subclass(&lock_X2, SINGLE_DEPTH_NESTING);
    L(X1);
    L(X2);
    U(X2);
    U(X1);
    L(X2);
    L(X1);
    U(X1);
    U(X2);
}

module_init(selftest_init);
