/* double unlock, read_lock */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    RU(A);
    RU(A);
}

module_init(selftest_init);
