/*
 * selftest: preempt rt
 * Guards under PREEMPT_RT, where spinlock_t is a sleeping lock taken with migration disabled:
 * guard(migrate), guard(spinlock_irqsave) (flags unused, interrupts stay on) and guard(rcu)
 * nested in one block; once it is left, no lock, no migrate_disable() and no RCU reader remain.
 */
#include "selftest.h"

static void nested_guards(void)
{
    guard(migrate)();
    guard(spinlock_irqsave)(&lock_A);
    WARN_ON(irqs_disabled());
    guard(rcu)();
    WARN_ON(current->migration_disabled < 2);
}

static void scenario(void)
{
    nested_guards();
    WARN_ON(current->migration_disabled != 0);
    WARN_ON(preempt_count() != 0);
    WARN_ON(spin_is_locked(&lock_A));
}

module_init(selftest_init);
