/* a hardirq entered and left with the bare __irq_enter()/__irq_exit() is a hardirq for lockdep: a lock used there, then with interrupts on in the task */
#include "selftest.h"

static void scenario(void)
{
    local_irq_disable();
    __irq_enter();
    RAWL(B);
    RAWU(B);
    __irq_exit();
    local_irq_enable();
    RAWL(B);
    RAWU(B);
}

module_init(selftest_init);
