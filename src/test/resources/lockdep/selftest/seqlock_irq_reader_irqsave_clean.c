/* the same with the writer's interrupts off (write_seqlock_irqsave) */
#include "selftest.h"

static void scenario(void)
{
    unsigned long flags;
    unsigned seq;

    write_seqlock_irqsave(&seqlock_A, flags);
    write_sequnlock_irqrestore(&seqlock_A, flags);
    HARDIRQ_ENTER();
    do {
        seq = read_seqbegin(&seqlock_A);
    } while (read_seqretry(&seqlock_A, seq));
    HARDIRQ_EXIT();
}

module_init(selftest_init);
