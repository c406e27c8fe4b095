#include "selftest.h"

static void scenario(void)
{
    unsigned long flags;
    HARDIRQ_ENTER(); L(A); U(A); HARDIRQ_EXIT();
    spin_lock_irqsave(&lock_A, flags); spin_unlock_irqrestore(&lock_A, flags);
}

module_init(selftest_init);
