/* lock_set_subclass() of a lock the task does not hold: bad unlock balance, as __lock_set_class reports it */
#include "selftest.h"

static void scenario(void)
{
    lock_set_subclass(&lock_X1.dep_map, SINGLE_DEPTH_NESTING, _THIS_IP_);
    L(A);
    U(A);
}

module_init(selftest_init);
