/* both locks of one class given the same subclass: still one class, recursive locking */
#include "selftest.h"

static void scenario(void)
{
    lockdep_set_subclass(&lock_X1, SINGLE_DEPTH_NESTING);
    lockdep_set_subclass(&lock_X2, SINGLE_DEPTH_NESTING);
    L(X1);
    L(X2);
    U(X2);
    U(X1);
}

module_init(selftest_init);
