/* A-A deadlock, mutex */
#include "selftest.h"

static void scenario(void)
{
    ML(X1);
    ML(X2);
}

module_init(selftest_init);
