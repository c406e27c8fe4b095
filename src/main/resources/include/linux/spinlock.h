/* spinlab's model of <linux/spinlock.h>: the spinlock API, implemented by the model kernel. */
#ifndef _SPINLAB_LINUX_SPINLOCK_H
#define _SPINLAB_LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock_types.h>
#include <linux/irqflags.h>

void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
int spin_is_locked(spinlock_t *lock);

/* Saves the interrupt state in flags (an lvalue, as in the kernel) and takes the lock. */
unsigned long _spin_lock_irqsave(spinlock_t *lock);
#define spin_lock_irqsave(lock, flags) ((flags) = _spin_lock_irqsave(lock))
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);

void raw_spin_lock_init(raw_spinlock_t *lock);
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
int raw_spin_trylock(raw_spinlock_t *lock);
unsigned long _raw_spin_lock_irqsave(raw_spinlock_t *lock);
#define raw_spin_lock_irqsave(lock, flags) ((flags) = _raw_spin_lock_irqsave(lock))
void raw_spin_unlock_irqrestore(raw_spinlock_t *lock, unsigned long flags);

#endif
