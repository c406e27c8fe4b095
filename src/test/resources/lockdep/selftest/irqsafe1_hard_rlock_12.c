/* irqs-on + irq-safe-A, read_lock: readers are recursive, the irq's reader never waits for the interrupted one */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
    RL(A);
    RU(A);
}

module_init(selftest_init);
