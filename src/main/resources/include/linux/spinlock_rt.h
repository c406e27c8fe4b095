/*
 * spinlab's model of <linux/spinlock_rt.h>: spinlock_t under CONFIG_PREEMPT_RT (--preempt
 * rt). The lock is an rt_mutex (kernel/locking/spinlock_rt.c): taking it may sleep, with
 * priority inheritance; the holder stays on its CPU (migrate_disable) and in an RCU read-side
 * section, but preemption and interrupts stay enabled. So spin_lock_irq() and
 * spin_lock_irqsave() do not disable interrupts (flags is 0) and spin_lock_bh() is
 * local_bh_disable() (the per-CPU bh lock of kernel/softirq.c) then the lock, as upstream.
 */
#ifndef _SPINLAB_LINUX_SPINLOCK_RT_H
#define _SPINLAB_LINUX_SPINLOCK_RT_H

#ifndef CONFIG_PREEMPT_RT
#error "PREEMPT_RT only: <linux/spinlock_rt.h> is spinlock_t under --preempt rt; include <linux/spinlock.h>"
#endif

#include <linux/rtmutex.h>

void __rt_spin_lock_init(spinlock_t *lock, const char *name, struct lock_class_key *key, bool percpu);
void rt_spin_lock(spinlock_t *lock);
void rt_spin_lock_nested(spinlock_t *lock, int subclass);
void rt_spin_lock_nest_lock(spinlock_t *lock, struct lockdep_map *nest_lock);
void rt_spin_unlock(spinlock_t *lock);
void rt_spin_lock_unlock(spinlock_t *lock);
int rt_spin_trylock(spinlock_t *lock);
int rt_spin_trylock_bh(spinlock_t *lock);

#define spin_lock_init(slock) \
    do { static struct lock_class_key __key; __rt_mutex_base_init(&(slock)->lock); \
         __rt_spin_lock_init((slock), #slock, &__key, false); } while (0)

#define spin_lock(lock) rt_spin_lock(lock)
#define spin_lock_nested(lock, subclass) rt_spin_lock_nested((lock), (subclass))
#define spin_lock_nest_lock(lock, nest_lock) rt_spin_lock_nest_lock((lock), &(nest_lock)->dep_map)
#define spin_lock_bh(lock) do { local_bh_disable(); rt_spin_lock(lock); } while (0)
#define spin_lock_bh_nested(lock, subclass) do { local_bh_disable(); rt_spin_lock_nested((lock), (subclass)); } while (0)
#define spin_lock_irq(lock) rt_spin_lock(lock)
#define spin_lock_irqsave(lock, flags) do { (flags) = 0; rt_spin_lock(lock); } while (0)
#define spin_lock_irqsave_nested(lock, flags, subclass) \
    do { (flags) = 0; rt_spin_lock_nested((lock), (subclass)); } while (0)

#define spin_unlock(lock) rt_spin_unlock(lock)
#define spin_unlock_bh(lock) do { rt_spin_unlock(lock); local_bh_enable(); } while (0)
#define spin_unlock_irq(lock) rt_spin_unlock(lock)
#define spin_unlock_irqrestore(lock, flags) do { (void)(flags); rt_spin_unlock(lock); } while (0)

#define spin_trylock(lock) rt_spin_trylock(lock)
#define spin_trylock_bh(lock) rt_spin_trylock_bh(lock)
#define spin_trylock_irq(lock) rt_spin_trylock(lock)
#define spin_trylock_irqsave(lock, flags) ((flags) = 0, rt_spin_trylock(lock))

#define spin_is_locked(slock) rt_mutex_base_is_locked(&(slock)->lock)
#define assert_spin_locked(lock) BUG_ON(!spin_is_locked(lock))

#endif
