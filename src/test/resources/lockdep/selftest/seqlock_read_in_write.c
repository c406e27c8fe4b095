/* read_seqbegin() inside the write section of a seqlock of its class (on the same seqlock the reader would wait for the even count forever) */
#include "selftest.h"

static void scenario(void)
{
    unsigned seq;

    write_seqlock(&seqlock_X1);
    seq = read_seqbegin(&seqlock_X2);
    (void)read_seqretry(&seqlock_X2, seq);
    write_sequnlock(&seqlock_X1);
}

module_init(selftest_init);
