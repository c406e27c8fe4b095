/*
 * spinlab's model of <linux/local_lock.h> and <linux/local_lock_internal.h> (!PREEMPT_RT): a
 * per-CPU lock that is only a lockdep map and an owner. local_lock() disables preemption (or
 * interrupts, _irq/_irqsave) and tells lockdep of an exclusive acquisition of this CPU's copy;
 * its class has wait type LD_WAIT_CONFIG and lock type LD_LOCK_PERCPU, which lockdep's
 * irq-inversion searches skip (each CPU has its own lock, and the irq protection is the
 * point). With lockdep the owner is checked (DEBUG_LOCKS_WARN_ON), as upstream.
 * Limits: the model's per-CPU variables are arrays (linux/percpu.h), so a lock must be a
 * per-CPU variable of its own, DEFINE_PER_CPU(local_lock_t, name), taken as
 * local_lock(&name), and initialised with local_lock_init() for each CPU (one call site: one
 * class); INIT_LOCAL_LOCK() initialises one lock, not a per-CPU array.
 */
#ifndef _SPINLAB_LINUX_LOCAL_LOCK_H
#define _SPINLAB_LINUX_LOCAL_LOCK_H

#include <linux/types.h>
#include <linux/lockdep.h>
#include <linux/debug_locks.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/sched.h>

typedef struct {
    struct lockdep_map dep_map;
    struct task_struct *owner;
} local_lock_t;

#define LOCAL_LOCK_DEBUG_INIT(lockname) \
    .dep_map = { .name = #lockname, .wait_type_inner = LD_WAIT_CONFIG, .lock_type = LD_LOCK_PERCPU }, \
    .owner = NULL,
#define INIT_LOCAL_LOCK(lockname) { LOCAL_LOCK_DEBUG_INIT(lockname) }

/* lock_map_acquire()/lock_map_release(): an exclusive acquisition, at the caller's site */
static inline void local_lock_acquire(local_lock_t *l)
{
    lock_acquire(&l->dep_map, 0, 0, 0, 1, 0, _RET_IP_);
    DEBUG_LOCKS_WARN_ON(l->owner);
    l->owner = current;
}

static inline void local_lock_release(local_lock_t *l)
{
    DEBUG_LOCKS_WARN_ON(l->owner != current);
    l->owner = NULL;
    lock_release(&l->dep_map, _RET_IP_);
}

#define local_lock_init(lock) \
    do { \
        static struct lock_class_key __key; \
        debug_check_no_locks_freed((void *)(lock), sizeof(*(lock))); \
        lockdep_init_map_type(&(lock)->dep_map, #lock, &__key, 0, LD_WAIT_CONFIG, LD_WAIT_INV, LD_LOCK_PERCPU); \
        (lock)->owner = NULL; \
    } while (0)

#define local_lock(lock) do { preempt_disable(); local_lock_acquire(this_cpu_ptr(lock)); } while (0)
#define local_lock_irq(lock) do { local_irq_disable(); local_lock_acquire(this_cpu_ptr(lock)); } while (0)
#define local_lock_irqsave(lock, flags) do { local_irq_save(flags); local_lock_acquire(this_cpu_ptr(lock)); } while (0)
#define local_unlock(lock) do { local_lock_release(this_cpu_ptr(lock)); preempt_enable(); } while (0)
#define local_unlock_irq(lock) do { local_lock_release(this_cpu_ptr(lock)); local_irq_enable(); } while (0)
#define local_unlock_irqrestore(lock, flags) \
    do { local_lock_release(this_cpu_ptr(lock)); local_irq_restore(flags); } while (0)

#endif
