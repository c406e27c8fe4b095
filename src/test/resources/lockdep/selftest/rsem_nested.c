/* two semaphores of one class, the inner one annotated with down_write_nested() */
#include "selftest.h"

static void scenario(void)
{
    WSL(X1);
    down_write_nested(&rwsem_X2, SINGLE_DEPTH_NESTING);
    WSU(X2);
    WSU(X1);
}

module_init(selftest_init);
