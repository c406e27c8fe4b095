/*
 * spinlab's model of <linux/spinlock.h> and <linux/spinlock_api_smp.h>: the spinlock family.
 * As in the kernel, spin_lock() and friends are thin wrappers around the _raw_spin_* functions
 * of kernel/locking/spinlock.c, which do the preempt/bh/irq work in the kernel's order and
 * call do_raw_spin_lock() (with CONFIG_DEBUG_SPINLOCK checks) over the arch ticket lock.
 */
#ifndef _SPINLAB_LINUX_SPINLOCK_H
#define _SPINLAB_LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/rwlock.h>

void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_lock_bh(raw_spinlock_t *lock);
void _raw_spin_lock_irq(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
int _raw_spin_trylock(raw_spinlock_t *lock);
int _raw_spin_trylock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);
void _raw_spin_unlock_bh(raw_spinlock_t *lock);
void _raw_spin_unlock_irq(raw_spinlock_t *lock);
void _raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);
void _raw_spin_lock_nested(raw_spinlock_t *lock, int subclass);
void _raw_spin_lock_nest_lock(raw_spinlock_t *lock, struct lockdep_map *nest_lock);
unsigned long _raw_spin_lock_irqsave_nested(raw_spinlock_t *lock, int subclass);
void _raw_spin_lock_bh_nested(raw_spinlock_t *lock, int subclass);
void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key, int inner);
int raw_spin_is_locked(raw_spinlock_t *lock);

/* Every call site of an *_init() macro is a lock class of its own: its static key. */
#define raw_spin_lock_init(lock) \
    do { static struct lock_class_key __key; __raw_spin_lock_init((lock), #lock, &__key, LD_WAIT_SPIN); } while (0)
#define raw_spin_lock(lock) _raw_spin_lock(lock)
#define raw_spin_lock_bh(lock) _raw_spin_lock_bh(lock)
#define raw_spin_lock_irq(lock) _raw_spin_lock_irq(lock)
#define raw_spin_lock_irqsave(lock, flags) ((flags) = _raw_spin_lock_irqsave(lock))
#define raw_spin_trylock(lock) _raw_spin_trylock(lock)
#define raw_spin_lock_nested(lock, subclass) _raw_spin_lock_nested((lock), (subclass))
#define raw_spin_lock_nest_lock(lock, nest_lock) _raw_spin_lock_nest_lock((lock), &(nest_lock)->dep_map)
#define raw_spin_unlock(lock) _raw_spin_unlock(lock)
#define raw_spin_unlock_bh(lock) _raw_spin_unlock_bh(lock)
#define raw_spin_unlock_irq(lock) _raw_spin_unlock_irq(lock)
#define raw_spin_unlock_irqrestore(lock, flags) _raw_spin_unlock_irqrestore((lock), (flags))

#ifndef CONFIG_PREEMPT_RT
#define spin_lock_init(lock) \
    do { static struct lock_class_key __key; __raw_spin_lock_init(&(lock)->rlock, #lock, &__key, LD_WAIT_CONFIG); } while (0)
#define spin_lock(lock) _raw_spin_lock(&(lock)->rlock)
#define spin_lock_bh(lock) _raw_spin_lock_bh(&(lock)->rlock)
#define spin_lock_irq(lock) _raw_spin_lock_irq(&(lock)->rlock)
#define spin_lock_irqsave(lock, flags) ((flags) = _raw_spin_lock_irqsave(&(lock)->rlock))
#define spin_trylock(lock) _raw_spin_trylock(&(lock)->rlock)
#define spin_lock_nested(lock, subclass) _raw_spin_lock_nested(&(lock)->rlock, (subclass))
#define spin_lock_bh_nested(lock, subclass) _raw_spin_lock_bh_nested(&(lock)->rlock, (subclass))
#define spin_lock_irqsave_nested(lock, flags, subclass) \
    ((flags) = _raw_spin_lock_irqsave_nested(&(lock)->rlock, (subclass)))
#define spin_lock_nest_lock(lock, nest_lock) _raw_spin_lock_nest_lock(&(lock)->rlock, &(nest_lock)->dep_map)
#define spin_trylock_bh(lock) _raw_spin_trylock_bh(&(lock)->rlock)
#define spin_unlock(lock) _raw_spin_unlock(&(lock)->rlock)
#define spin_unlock_bh(lock) _raw_spin_unlock_bh(&(lock)->rlock)
#define spin_unlock_irq(lock) _raw_spin_unlock_irq(&(lock)->rlock)
#define spin_unlock_irqrestore(lock, flags) _raw_spin_unlock_irqrestore(&(lock)->rlock, (flags))
#define spin_is_locked(lock) raw_spin_is_locked(&(lock)->rlock)

#endif

/* The kernel's trylock_irq(save) are statement expressions; here functions that restore on failure. */
int _raw_spin_trylock_irq(raw_spinlock_t *lock);
int _raw_spin_trylock_irqsave(raw_spinlock_t *lock, unsigned long *flags);
#define raw_spin_trylock_irq(lock) _raw_spin_trylock_irq(lock)
#define raw_spin_trylock_irqsave(lock, flags) _raw_spin_trylock_irqsave((lock), &(flags))
#ifndef CONFIG_PREEMPT_RT
#define spin_trylock_irq(lock) _raw_spin_trylock_irq(&(lock)->rlock)
#define spin_trylock_irqsave(lock, flags) _raw_spin_trylock_irqsave(&(lock)->rlock, &(flags))
#define assert_spin_locked(lock) WARN_ON(!spin_is_locked(lock))
#else
/* PREEMPT_RT: spinlock_t is a sleeping lock (<linux/spinlock_rt.h>) */
#include <linux/spinlock_rt.h>
#endif
#define assert_raw_spin_locked(lock) WARN_ON(!raw_spin_is_locked(lock))

/*
 * lib/dec_and_lock.c: decrement, and when that reaches zero return true with the lock held
 * (the _irqsave form with interrupts off, flags saved). Only the last reference takes the
 * lock, as with refcount_dec_and_lock().
 */
int _atomic_dec_and_lock(atomic_t *atomic, spinlock_t *lock);
int _atomic_dec_and_lock_irqsave(atomic_t *atomic, spinlock_t *lock, unsigned long *flags);
int _atomic_dec_and_raw_lock(atomic_t *atomic, raw_spinlock_t *lock);
#define atomic_dec_and_lock(atomic, lock) _atomic_dec_and_lock((atomic), (lock))
#define atomic_dec_and_lock_irqsave(atomic, lock, flags) _atomic_dec_and_lock_irqsave((atomic), (lock), &(flags))
#define atomic_dec_and_raw_lock(atomic, lock) _atomic_dec_and_raw_lock((atomic), (lock))

/*
 * Lock guards (<linux/cleanup.h>), as 6.6's spinlock.h defines them: guard(spinlock)(&l) holds
 * l to the end of the scope; the _irqsave ones keep the flags in the guard.
 */
#include <linux/cleanup.h>

DEFINE_LOCK_GUARD_1(raw_spinlock, raw_spinlock_t,
                    raw_spin_lock(_T->lock), raw_spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_nested, raw_spinlock_t,
                    raw_spin_lock_nested(_T->lock, SINGLE_DEPTH_NESTING), raw_spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irq, raw_spinlock_t,
                    raw_spin_lock_irq(_T->lock), raw_spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(raw_spinlock_irqsave, raw_spinlock_t,
                    raw_spin_lock_irqsave(_T->lock, _T->flags),
                    raw_spin_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_1(spinlock, spinlock_t,
                    spin_lock(_T->lock), spin_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irq, spinlock_t,
                    spin_lock_irq(_T->lock), spin_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(spinlock_irqsave, spinlock_t,
                    spin_lock_irqsave(_T->lock, _T->flags),
                    spin_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_1(read_lock, rwlock_t,
                    read_lock(_T->lock), read_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(read_lock_irq, rwlock_t,
                    read_lock_irq(_T->lock), read_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(read_lock_irqsave, rwlock_t,
                    read_lock_irqsave(_T->lock, _T->flags),
                    read_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)
DEFINE_LOCK_GUARD_1(write_lock, rwlock_t,
                    write_lock(_T->lock), write_unlock(_T->lock))
DEFINE_LOCK_GUARD_1(write_lock_irq, rwlock_t,
                    write_lock_irq(_T->lock), write_unlock_irq(_T->lock))
DEFINE_LOCK_GUARD_1(write_lock_irqsave, rwlock_t,
                    write_lock_irqsave(_T->lock, _T->flags),
                    write_unlock_irqrestore(_T->lock, _T->flags), unsigned long flags)

#endif
