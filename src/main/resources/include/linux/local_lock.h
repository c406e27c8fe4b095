/*
 * spinlab's model of <linux/local_lock.h> and <linux/local_lock_internal.h>. !PREEMPT_RT: a
 * per-CPU lock that is only a lockdep map and an owner; local_lock() disables preemption (or
 * interrupts, _irq/_irqsave) and tells lockdep of an exclusive acquisition of this CPU's copy,
 * class LD_WAIT_CONFIG, LD_LOCK_PERCPU (skipped by lockdep's irq-inversion searches: each CPU
 * has its own lock), owner checked with DEBUG_LOCKS_WARN_ON. PREEMPT_RT (at the end, so the
 * !RT lines keep their positions): a per-CPU spinlock_t, i.e. a sleeping rt lock, taken after
 * migrate_disable(); _irq/_irqsave leave interrupts on (flags is 0), as upstream. Limits: the
 * model's per-CPU variables are arrays (linux/percpu.h): a lock is a DEFINE_PER_CPU(local_lock_t,
 * name) of its own, taken as local_lock(&name), initialised by local_lock_init() for each CPU
 * (one call site: one class); INIT_LOCAL_LOCK() initialises one lock, not a per-CPU array.
 */
#ifndef _SPINLAB_LINUX_LOCAL_LOCK_H
#define _SPINLAB_LINUX_LOCAL_LOCK_H
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/lockdep.h>
#include <linux/debug_locks.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#ifndef CONFIG_PREEMPT_RT
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

#else /* CONFIG_PREEMPT_RT */

/*
 * local_lock_internal.h's PREEMPT_RT branch: the lock is this CPU's spinlock_t (an rt_mutex,
 * kernel/locking/spinlock_rt.c), so the section stays preemptible and may block on the lock;
 * migrate_disable() keeps the task on the CPU whose copy it holds. Lockdep sees a spinlock_t
 * map (LD_WAIT_CONFIG) of type LD_LOCK_PERCPU, as local_spin_lock_init() makes it.
 */
typedef spinlock_t local_lock_t;

#define INIT_LOCAL_LOCK(lockname) { .lock = __RT_MUTEX_BASE_INITIALIZER(lockname.lock), \
    .dep_map = { .name = #lockname, .wait_type_inner = LD_WAIT_CONFIG, .lock_type = LD_LOCK_PERCPU } }

#define local_lock_init(l) \
    do { static struct lock_class_key __key; __rt_mutex_base_init(&(l)->lock); \
         __rt_spin_lock_init((l), #l, &__key, true); } while (0)

#define local_lock(lock) do { migrate_disable(); spin_lock(this_cpu_ptr(lock)); } while (0)
#define local_lock_irq(lock) local_lock(lock)
#define local_lock_irqsave(lock, flags) do { (flags) = 0; local_lock(lock); } while (0)
#define local_unlock(lock) do { spin_unlock(this_cpu_ptr(lock)); migrate_enable(); } while (0)
#define local_unlock_irq(lock) local_unlock(lock)
#define local_unlock_irqrestore(lock, flags) do { (void)(flags); local_unlock(lock); } while (0)

#endif /* CONFIG_PREEMPT_RT */

#endif
