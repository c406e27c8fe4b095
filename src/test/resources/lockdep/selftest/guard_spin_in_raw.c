/*
 * The wait-context cell "spinlock in raw_spinlock" written as locking-selftest writes its 36
 * cells, with two guards (<linux/cleanup.h>): the inner guard is released first, at the end
 * of the function (a spinlock_t, LD_WAIT_CONFIG, inside a raw_spinlock_t, LD_WAIT_SPIN)
 */
#include "selftest.h"

static void spinlock_in_raw_spinlock(void)
{
    guard(raw_spinlock)(&raw_A);
    guard(spinlock)(&lock_A);
}

static void scenario(void)
{
    spinlock_in_raw_spinlock();
}

module_init(selftest_init);
