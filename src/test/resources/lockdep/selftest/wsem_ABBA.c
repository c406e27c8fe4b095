/* writers of two semaphores in both orders */
#include "selftest.h"

static void scenario(void)
{
    WSL(A);
    WSL(B);
    WSU(B);
    WSU(A);
    WSL(B);
    WSL(A);
    WSU(A);
    WSU(B);
}

module_init(selftest_init);
