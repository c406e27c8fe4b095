/* mutex_init() of a held mutex */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    mutex_init(&mutex_A);
}

module_init(selftest_init);
