/* local_lock() twice on one CPU */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    local_lock(&llock_A);
}

module_init(selftest_init);
