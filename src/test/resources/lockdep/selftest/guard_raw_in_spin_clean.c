/*
 * The clean counterpart of guard_spin_in_raw: a raw_spinlock_t guard inside a spinlock_t
 * guard, then a scoped_guard(raw_spinlock_irqsave) block left by break and a guard(rcu)
 * reader; every guard must have unlocked by the time its scope is left (checked after each).
 */
#include "selftest.h"

static void raw_spinlock_in_spinlock(void)
{
    guard(spinlock)(&lock_A);
    guard(raw_spinlock)(&raw_A);
    WARN_ON(!spin_is_locked(&lock_A) || !raw_spin_is_locked(&raw_A));
}

static int scoped_early_exit(int n)
{
    for (int i = 0; i < n; i++) {
        scoped_guard (raw_spinlock_irqsave, &raw_B) {
            if (i == 1)
                break;      /* leaves the scoped_guard only: the loop goes on */
            WARN_ON(!irqs_disabled());
        }
        WARN_ON(raw_spin_is_locked(&raw_B) || irqs_disabled());
    }
    guard(rcu)();
    return n;               /* rcu_read_unlock() after the value */
}

static void scenario(void)
{
    raw_spinlock_in_spinlock();
    WARN_ON(spin_is_locked(&lock_A) || raw_spin_is_locked(&raw_A));
    WARN_ON(scoped_early_exit(3) != 3);
    WARN_ON(preempt_count() != 0);
}

module_init(selftest_init);
