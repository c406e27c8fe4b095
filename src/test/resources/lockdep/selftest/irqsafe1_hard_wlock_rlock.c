/* write_lock with irqs enabled, read_lock in a hardirq: {HARDIRQ-ON-W} -> {IN-HARDIRQ-R} */
#include "selftest.h"

static void scenario(void)
{
    WL(A);
    WU(A);
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
}

module_init(selftest_init);
