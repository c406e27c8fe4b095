/* __irq_exit() leaves the hardirq: the count is back to 0, and the task then takes the irq-safe lock with interrupts off */
#include "selftest.h"

static void scenario(void)
{
    local_irq_disable();
    __irq_enter();
    WARN_ON(!in_irq());
    lockdep_hardirq_threaded();
    L(C);
    U(C);
    __irq_exit();
    WARN_ON(in_irq() || preempt_count());
    L(C);
    U(C);
    local_irq_enable();
}

module_init(selftest_init);
