/* irqs-on + irq-safe-A, read_lock, the other order */
#include "selftest.h"

static void scenario(void)
{
    RL(A);
    RU(A);
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
