/*
 * spinlab's model of <linux/rwlock.h> and the rwlock part of <linux/spinlock_api_smp.h>:
 * read_lock() and write_lock() families as thin wrappers around the _raw_read_* and
 * _raw_write_* functions of kernel/locking/spinlock.c, which do the preempt/bh/irq work in
 * the same order as the spinlock family and call do_raw_read_lock()/do_raw_write_lock()
 * (kernel/locking/spinlock_debug.c) over the ARM arch rwlock (<asm/spinlock.h>).
 */
#ifndef _SPINLAB_LINUX_RWLOCK_H
#define _SPINLAB_LINUX_RWLOCK_H

#include <linux/rwlock_types.h>

void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key);
/* Every call site is a lock class of its own: its static key. */
#define rwlock_init(lock) \
    do { static struct lock_class_key __key; __rwlock_init((lock), #lock, &__key); } while (0)

void _raw_read_lock(rwlock_t *lock);
void _raw_read_lock_bh(rwlock_t *lock);
void _raw_read_lock_irq(rwlock_t *lock);
unsigned long _raw_read_lock_irqsave(rwlock_t *lock);
int _raw_read_trylock(rwlock_t *lock);
void _raw_read_unlock(rwlock_t *lock);
void _raw_read_unlock_bh(rwlock_t *lock);
void _raw_read_unlock_irq(rwlock_t *lock);
void _raw_read_unlock_irqrestore(rwlock_t *lock, unsigned long flags);
void _raw_write_lock(rwlock_t *lock);
void _raw_write_lock_bh(rwlock_t *lock);
void _raw_write_lock_irq(rwlock_t *lock);
unsigned long _raw_write_lock_irqsave(rwlock_t *lock);
int _raw_write_trylock(rwlock_t *lock);
void _raw_write_unlock(rwlock_t *lock);
void _raw_write_unlock_bh(rwlock_t *lock);
void _raw_write_unlock_irq(rwlock_t *lock);
void _raw_write_unlock_irqrestore(rwlock_t *lock, unsigned long flags);

#define read_lock(lock) _raw_read_lock(lock)
#define read_lock_bh(lock) _raw_read_lock_bh(lock)
#define read_lock_irq(lock) _raw_read_lock_irq(lock)
#define read_lock_irqsave(lock, flags) ((flags) = _raw_read_lock_irqsave(lock))
#define read_trylock(lock) _raw_read_trylock(lock)
#define read_unlock(lock) _raw_read_unlock(lock)
#define read_unlock_bh(lock) _raw_read_unlock_bh(lock)
#define read_unlock_irq(lock) _raw_read_unlock_irq(lock)
#define read_unlock_irqrestore(lock, flags) _raw_read_unlock_irqrestore((lock), (flags))

#define write_lock(lock) _raw_write_lock(lock)
#define write_lock_bh(lock) _raw_write_lock_bh(lock)
#define write_lock_irq(lock) _raw_write_lock_irq(lock)
#define write_lock_irqsave(lock, flags) ((flags) = _raw_write_lock_irqsave(lock))
#define write_trylock(lock) _raw_write_trylock(lock)
#define write_unlock(lock) _raw_write_unlock(lock)
#define write_unlock_bh(lock) _raw_write_unlock_bh(lock)
#define write_unlock_irq(lock) _raw_write_unlock_irq(lock)
#define write_unlock_irqrestore(lock, flags) _raw_write_unlock_irqrestore((lock), (flags))

#endif
