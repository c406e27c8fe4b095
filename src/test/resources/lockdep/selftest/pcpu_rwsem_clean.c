/* percpu_rw_semaphore read then write, static and run-time initialised, trylock; the counters balance */
#include "selftest.h"

static void scenario(void)
{
    PRL(A);
    PRL(B);
    PRU(B);
    PRU(A);
    PWL(A);
    WARN_ON(!percpu_is_write_locked(&pcpu_rwsem_A));
    PWU(A);
    WARN_ON(!percpu_down_read_trylock(&pcpu_rwsem_B));
    PRU(B);
    PWL(B);
    PWU(B);
    WARN_ON(percpu_is_write_locked(&pcpu_rwsem_B));
    percpu_free_rwsem(&pcpu_rwsem_B);
}

module_init(selftest_init);
