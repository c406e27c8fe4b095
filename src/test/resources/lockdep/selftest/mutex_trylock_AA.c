/* a trylock is not checked for recursion (it cannot deadlock) */
#include "selftest.h"

static void scenario(void)
{
    ML(X1);
    if (mutex_trylock(&mutex_X2)) MU(X2);
    MU(X1);
}

module_init(selftest_init);
