/* two spinlocks of one class, the inner one given subclass 1 for good by lockdep_set_subclass() */
#include "selftest.h"

static void scenario(void)
{
    lockdep_set_subclass(&lock_X2, SINGLE_DEPTH_NESTING);
    L(X1);
    L(X2);
    U(X2);
    U(X1);
}

module_init(selftest_init);
