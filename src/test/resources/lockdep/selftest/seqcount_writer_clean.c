/* the same writer under preempt_disable(), then readers */
#include "selftest.h"

static void scenario(void)
{
    unsigned seq;

    preempt_disable();
    write_seqcount_begin(&seqcount_A);
    write_seqcount_end(&seqcount_A);
    preempt_enable();
    do {
        seq = read_seqcount_begin(&seqcount_A);
    } while (read_seqcount_retry(&seqcount_A, seq));
}

module_init(selftest_init);
