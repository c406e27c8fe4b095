/* local_lock() then a spinlock_t inside it, and local_lock_irq() */
#include "selftest.h"

static void scenario(void)
{
    local_lock(&llock_A);
    L(A);
    U(A);
    local_unlock(&llock_A);
    local_lock_irq(&llock_A);
    local_unlock_irq(&llock_A);
}

module_init(selftest_init);
