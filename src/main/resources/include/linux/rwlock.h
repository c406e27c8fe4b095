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

#ifndef CONFIG_PREEMPT_RT
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

#else
/* PREEMPT_RT: rwlock_t is a sleeping reader-writer lock (kernel/locking/spinlock_rt.c) */
void __rt_rwlock_init(rwlock_t *rwlock, const char *name, struct lock_class_key *key);
void rt_read_lock(rwlock_t *rwlock);
int rt_read_trylock(rwlock_t *rwlock);
void rt_read_unlock(rwlock_t *rwlock);
void rt_write_lock(rwlock_t *rwlock);
int rt_write_trylock(rwlock_t *rwlock);
void rt_write_unlock(rwlock_t *rwlock);

#define rwlock_init(rwl) \
    do { static struct lock_class_key __key; __rt_rwlock_init((rwl), #rwl, &__key); } while (0)
#define read_lock(lock) rt_read_lock(lock)
#define read_lock_bh(lock) do { local_bh_disable(); rt_read_lock(lock); } while (0)
#define read_lock_irq(lock) rt_read_lock(lock)
#define read_lock_irqsave(lock, flags) do { (flags) = 0; rt_read_lock(lock); } while (0)
#define read_trylock(lock) rt_read_trylock(lock)
#define read_unlock(lock) rt_read_unlock(lock)
#define read_unlock_bh(lock) do { rt_read_unlock(lock); local_bh_enable(); } while (0)
#define read_unlock_irq(lock) rt_read_unlock(lock)
#define read_unlock_irqrestore(lock, flags) do { (void)(flags); rt_read_unlock(lock); } while (0)
#define write_lock(lock) rt_write_lock(lock)
#define write_lock_bh(lock) do { local_bh_disable(); rt_write_lock(lock); } while (0)
#define write_lock_irq(lock) rt_write_lock(lock)
#define write_lock_irqsave(lock, flags) do { (flags) = 0; rt_write_lock(lock); } while (0)
#define write_trylock(lock) rt_write_trylock(lock)
#define write_unlock(lock) rt_write_unlock(lock)
#define write_unlock_bh(lock) do { rt_write_unlock(lock); local_bh_enable(); } while (0)
#define write_unlock_irq(lock) rt_write_unlock(lock)
#define write_unlock_irqrestore(lock, flags) do { (void)(flags); rt_write_unlock(lock); } while (0)
#endif

#endif
