/* irqs-on + irq-safe-A, write_lock */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    WL(A);
    WU(A);
    HARDIRQ_EXIT();
    WL(A);
    WU(A);
}

module_init(selftest_init);
