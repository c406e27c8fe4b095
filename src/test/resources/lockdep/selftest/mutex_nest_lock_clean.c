/* two mutexes of one class under their nest lock */
#include "selftest.h"

static void scenario(void)
{
    ML(A);
    mutex_lock_nest_lock(&mutex_X1, &mutex_A);
    mutex_lock_nest_lock(&mutex_X2, &mutex_A);
    MU(X2);
    MU(X1);
    MU(A);
}

module_init(selftest_init);
