/* write_seqcount_begin() of a plain seqcount_t with preemption on: lockdep_assert_preemption_disabled() WARNs */
#include "selftest.h"

static void scenario(void)
{
    write_seqcount_begin(&seqcount_A);
    write_seqcount_end(&seqcount_A);
}

module_init(selftest_init);
