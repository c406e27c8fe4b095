/* recursive read-lock: read_lock() twice on one rwlock_t */
#include "selftest.h"

static void scenario(void)
{
    RL(X1);
    RL(X1);
}

module_init(selftest_init);
