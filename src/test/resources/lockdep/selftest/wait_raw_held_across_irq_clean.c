/* a raw_spinlock_t held by the task does not restrict a hardirq's own locks (only the held locks of the same irq context count) */
#include "selftest.h"

static void scenario(void)
{
    local_irq_disable();
    RAWL(A);
    HARDIRQ_ENTER();
    L(A);
    U(A);
    __preempt_count_sub(HARDIRQ_OFFSET);
    lockdep_hardirq_exit();
    RAWU(A);
    local_irq_enable();
}

module_init(selftest_init);
