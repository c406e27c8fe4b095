/* read_lock in a hardirq, write_lock with irqs enabled: {IN-HARDIRQ-R} -> {HARDIRQ-ON-W} */
#include "selftest.h"

static void scenario(void)
{
    HARDIRQ_ENTER();
    RL(A);
    RU(A);
    HARDIRQ_EXIT();
    WL(A);
    WU(A);
}

module_init(selftest_init);
