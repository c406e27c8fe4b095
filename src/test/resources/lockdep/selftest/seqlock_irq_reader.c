/* a seqlock written with interrupts on and read in a hardirq: the reader could spin forever on the odd count it interrupted, lockdep's inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-R} */
#include "selftest.h"

static void scenario(void)
{
    unsigned seq;

    write_seqlock(&seqlock_A);
    write_sequnlock(&seqlock_A);
    HARDIRQ_ENTER();
    do {
        seq = read_seqbegin(&seqlock_A);
    } while (read_seqretry(&seqlock_A, seq));
    HARDIRQ_EXIT();
}

module_init(selftest_init);
