/*
 * Guards of the sleeping locks: guard(mutex), guard(rwsem_read), scoped_guard(rwsem_write)
 * with a spinlock_t guard inside (LD_WAIT_CONFIG inside LD_WAIT_SLEEP: valid), and a
 * __free(up_read) pointer released early by hand after no_free_ptr(); an early return from
 * inside all of them must leave nothing held.
 */
#include "selftest.h"

static int sleeping_guards(int early)
{
    guard(mutex)(&mutex_A);
    guard(rwsem_read)(&rwsem_A);
    scoped_guard (rwsem_write, &rwsem_B) {
        guard(spinlock)(&lock_A);
        if (early)
            return 1;   /* spinlock, rwsem_B, rwsem_A, mutex_A: in that order */
    }
    lockdep_assert_not_held(&rwsem_B);
    return 0;
}

static void handed_over(void)
{
    struct rw_semaphore *sem __free(up_read) = &rwsem_B;

    down_read(sem);
    up_read(no_free_ptr(sem));      /* released by hand: the cleanup sees NULL */
}

static void scenario(void)
{
    WARN_ON(sleeping_guards(1) != 1);
    WARN_ON(sleeping_guards(0) != 0);
    handed_over();
    WARN_ON(mutex_is_locked(&mutex_A) || rwsem_is_locked(&rwsem_A) || rwsem_is_locked(&rwsem_B));
    WARN_ON(spin_is_locked(&lock_A));
    lockdep_assert_not_held(&mutex_A);
}

module_init(selftest_init);
