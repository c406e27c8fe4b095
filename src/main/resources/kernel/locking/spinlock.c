/*
 * spinlab's model of kernel/locking/spinlock.c with include/linux/spinlock_api_smp.h: the
 * generic layer of the spinlock family, the only code that changes preempt, bh and irq state
 * around a lock, in the kernel's order: disable first, tell lockdep (spin_acquire, before the
 * arch attempt; a trylock only once it succeeded), then take the arch lock; on unlock tell
 * lockdep (spin_release), release the arch lock, then re-enable. spin_unlock_bh() ends in
 * __local_bh_enable_ip(), which runs pending softirqs (the "compensation" of the first seed).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/lockdep.h>

void do_raw_spin_lock(raw_spinlock_t *lock);
int do_raw_spin_trylock(raw_spinlock_t *lock);
void do_raw_spin_unlock(raw_spinlock_t *lock);

void _raw_spin_lock(raw_spinlock_t *lock)
{
    preempt_disable();
    spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_spin_lock(lock);
}

void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass)
{
    preempt_disable();
    spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    do_raw_spin_lock(lock);
}

void _raw_spin_lock_nest_lock(raw_spinlock_t *lock, struct lockdep_map *nest_lock)
{
    preempt_disable();
    spin_acquire_nest(&lock->dep_map, 0, 0, nest_lock, _RET_IP_);
    do_raw_spin_lock(lock);
}

void _raw_spin_lock_bh(raw_spinlock_t *lock)
{
    __local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
    spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_spin_lock(lock);
}

void _raw_spin_lock_bh_nested(raw_spinlock_t *lock, int subclass)
{
    __local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
    spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    do_raw_spin_lock(lock);
}

void _raw_spin_lock_irq(raw_spinlock_t *lock)
{
    local_irq_disable();
    preempt_disable();
    spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_spin_lock(lock);
}

unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock)
{
    unsigned long flags;
    local_irq_save(flags);
    preempt_disable();
    spin_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_spin_lock(lock);
    return flags;
}

unsigned long _raw_spin_lock_irqsave_nested(raw_spinlock_t *lock, int subclass)
{
    unsigned long flags;
    local_irq_save(flags);
    preempt_disable();
    spin_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    do_raw_spin_lock(lock);
    return flags;
}

int _raw_spin_trylock(raw_spinlock_t *lock)
{
    preempt_disable();
    if (do_raw_spin_trylock(lock)) {
        spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
        return 1;
    }
    preempt_enable();
    return 0;
}

int _raw_spin_trylock_bh(raw_spinlock_t *lock)
{
    __local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
    if (do_raw_spin_trylock(lock)) {
        spin_acquire(&lock->dep_map, 0, 1, _RET_IP_);
        return 1;
    }
    __local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
    return 0;
}

void _raw_spin_unlock(raw_spinlock_t *lock)
{
    spin_release(&lock->dep_map, _RET_IP_);
    do_raw_spin_unlock(lock);
    preempt_enable();
}

void _raw_spin_unlock_bh(raw_spinlock_t *lock)
{
    spin_release(&lock->dep_map, _RET_IP_);
    do_raw_spin_unlock(lock);
    __local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
}

/* Enables irqs unconditionally, even if they were off before the lock was taken. */
void _raw_spin_unlock_irq(raw_spinlock_t *lock)
{
    spin_release(&lock->dep_map, _RET_IP_);
    do_raw_spin_unlock(lock);
    local_irq_enable();
    preempt_enable();
}

void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags)
{
    spin_release(&lock->dep_map, _RET_IP_);
    do_raw_spin_unlock(lock);
    local_irq_restore(flags);
    preempt_enable();
}

/*
 * The rwlock family (kernel/locking/spinlock.c's __raw_read_* and __raw_write_* from
 * <linux/rwlock_api_smp.h>): the same order of preempt, bh and irq operations and lockdep
 * calls as the spinlock family above. Readers are recursive readers for lockdep
 * (rwlock_acquire_read: read = 2), as on every architecture without queued rwlocks (ARM32):
 * a reader never waits for a waiting writer, so read_lock() under read_lock() is safe.
 */
void do_raw_read_lock(rwlock_t *lock);
int do_raw_read_trylock(rwlock_t *lock);
void do_raw_read_unlock(rwlock_t *lock);
void do_raw_write_lock(rwlock_t *lock);
int do_raw_write_trylock(rwlock_t *lock);
void do_raw_write_unlock(rwlock_t *lock);

int _raw_read_trylock(rwlock_t *lock)
{
    preempt_disable();
    if (do_raw_read_trylock(lock)) {
        rwlock_acquire_read(&lock->dep_map, 0, 1, _RET_IP_);
        return 1;
    }
    preempt_enable();
    return 0;
}

int _raw_write_trylock(rwlock_t *lock)
{
    preempt_disable();
    if (do_raw_write_trylock(lock)) {
        rwlock_acquire(&lock->dep_map, 0, 1, _RET_IP_);
        return 1;
    }
    preempt_enable();
    return 0;
}

void _raw_read_lock(rwlock_t *lock)
{
    preempt_disable();
    rwlock_acquire_read(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_read_lock(lock);
}

unsigned long _raw_read_lock_irqsave(rwlock_t *lock)
{
    unsigned long flags;
    local_irq_save(flags);
    preempt_disable();
    rwlock_acquire_read(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_read_lock(lock);
    return flags;
}

void _raw_read_lock_irq(rwlock_t *lock)
{
    local_irq_disable();
    preempt_disable();
    rwlock_acquire_read(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_read_lock(lock);
}

void _raw_read_lock_bh(rwlock_t *lock)
{
    __local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
    rwlock_acquire_read(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_read_lock(lock);
}

unsigned long _raw_write_lock_irqsave(rwlock_t *lock)
{
    unsigned long flags;
    local_irq_save(flags);
    preempt_disable();
    rwlock_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_write_lock(lock);
    return flags;
}

void _raw_write_lock_irq(rwlock_t *lock)
{
    local_irq_disable();
    preempt_disable();
    rwlock_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_write_lock(lock);
}

void _raw_write_lock_bh(rwlock_t *lock)
{
    __local_bh_disable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
    rwlock_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_write_lock(lock);
}

void _raw_write_lock(rwlock_t *lock)
{
    preempt_disable();
    rwlock_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    do_raw_write_lock(lock);
}

void _raw_write_unlock(rwlock_t *lock)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_write_unlock(lock);
    preempt_enable();
}

void _raw_read_unlock(rwlock_t *lock)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_read_unlock(lock);
    preempt_enable();
}

void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_read_unlock(lock);
    local_irq_restore(flags);
    preempt_enable();
}

void _raw_read_unlock_irq(rwlock_t *lock)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_read_unlock(lock);
    local_irq_enable();
    preempt_enable();
}

void _raw_read_unlock_bh(rwlock_t *lock)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_read_unlock(lock);
    __local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
}

void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_write_unlock(lock);
    local_irq_restore(flags);
    preempt_enable();
}

void _raw_write_unlock_irq(rwlock_t *lock)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_write_unlock(lock);
    local_irq_enable();
    preempt_enable();
}

void _raw_write_unlock_bh(rwlock_t *lock)
{
    rwlock_release(&lock->dep_map, _RET_IP_);
    do_raw_write_unlock(lock);
    __local_bh_enable_ip(_RET_IP_, SOFTIRQ_LOCK_OFFSET);
}

/* include/linux/spinlock.h: raw_spin_trylock_irq(save) — irqs off, try, and back on failure */
int _raw_spin_trylock_irq(raw_spinlock_t *lock)
{
    local_irq_disable();
    if (_raw_spin_trylock(lock))
        return 1;
    local_irq_enable();
    return 0;
}

int _raw_spin_trylock_irqsave(raw_spinlock_t *lock, unsigned long *flags)
{
    local_irq_save(*flags);
    if (_raw_spin_trylock(lock))
        return 1;
    local_irq_restore(*flags);
    return 0;
}
