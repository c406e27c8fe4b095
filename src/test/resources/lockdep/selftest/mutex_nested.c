/* two mutexes of one class, the inner one annotated with mutex_lock_nested() */
#include "selftest.h"

static void scenario(void)
{
    ML(X1);
    mutex_lock_nested(&mutex_X2, SINGLE_DEPTH_NESTING);
    MU(X2);
    MU(X1);
}

module_init(selftest_init);
