/* lock_set_subclass() of a held lock: the next lock of its class nests under it */
#include "selftest.h"

static void scenario(void)
{
    L(X1);
    lock_set_subclass(&lock_X1.dep_map, SINGLE_DEPTH_NESTING, _THIS_IP_);
    L(X2);
    U(X2);
    U(X1);
}

module_init(selftest_init);
