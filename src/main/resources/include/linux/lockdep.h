/*
 * spinlab's model of <linux/lockdep.h> and <linux/lockdep_types.h>: the lock validator's
 * annotations. The validator itself (kernel/locking/lockdep.c in the kernel) is an observer
 * on the Java side (dev.spinlab.lockdep): lock_acquire()/lock_release() and the irq and
 * softirq transitions are intrinsics that record and check, never change, the kernel's state.
 *
 * A lock class is named by a key: the address of a `static struct lock_class_key` at the
 * lock's *_init() call site, or, for a statically initialised lock (key left NULL), the
 * lock's own address (the kernel's static_obj rule).
 */
#ifndef _SPINLAB_LINUX_LOCKDEP_H
#define _SPINLAB_LINUX_LOCKDEP_H

#include <linux/types.h>
#include <linux/debug_locks.h>

#define MAX_LOCKDEP_SUBCLASSES 8
/* the subclass of the one lock of a class taken inside another of it (raw_spinlock_nested guard) */
#define SINGLE_DEPTH_NESTING 1

/* One byte per subclass, so key + subclass is a distinct address, as in the kernel. */
struct lock_class_key {
    char subkeys[MAX_LOCKDEP_SUBCLASSES];
};

/*
 * The validator reads key and name at offsets 0 and 8 and the wait types, lock type and
 * subclass as the bytes of the word at 16: keep them there. The init functions write that word
 * in one store (wait_types), so an init costs the machine the steps it did before the wait
 * types were checked. subclass stands for the kernel's class_cache[0]: the class a plain
 * acquisition (subclass 0) uses, which lockdep_set_subclass() changes.
 */
struct lockdep_map {
    struct lock_class_key *key;
    const char *name;
    union {
        struct {
            u8 wait_type_inner;
            u8 wait_type_outer;
            u8 lock_type;
            u8 subclass;
        };
        u32 wait_types;
    };
    int pad;
};

/*
 * Wait types (lockdep_types.h, with CONFIG_PROVE_RAW_LOCK_NESTING, on by default in current
 * kernels): printed as the -{outer:inner} suffix of a class and checked at every acquisition
 * (check_wait_context): a lock may not be taken where the held locks' (or the context's) wait
 * type is stricter than its own.
 */
#define LD_WAIT_INV 0       /* not checked */
#define LD_WAIT_FREE 1      /* wait-free, e.g. rcu_read_lock's outer type */
#define LD_WAIT_SPIN 2      /* spins: raw_spinlock_t */
#define LD_WAIT_CONFIG 3    /* spins unless PREEMPT_RT: spinlock_t, rwlock_t, local_lock_t */
#define LD_WAIT_SLEEP 4     /* sleeps: mutex, rw_semaphore */
#define LD_WAIT_MAX 5

/* Lock types (lockdep_types.h enum lockdep_lock_type). */
#define LD_LOCK_NORMAL 0
#define LD_LOCK_PERCPU 1
#define LD_LOCK_WAIT_OVERRIDE 2

/*
 * Code addresses: the model has no return addresses in memory, so the validator resolves
 * these two from the call stack of the intrinsic's caller: _RET_IP_ is the call site in the
 * caller's caller, _THIS_IP_ the call site in the caller itself.
 */
#define _RET_IP_ 0UL
#define _THIS_IP_ 1UL

struct task_struct;

/* The validator's entry points (intrinsics). read: 0 write, 1 read, 2 recursive read. */
void lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock, int read, int check,
                  struct lockdep_map *nest_lock, unsigned long ip);
void lock_release(struct lockdep_map *lock, unsigned long ip);
void lockdep_softirqs_on(unsigned long ip);
void lockdep_softirqs_off(unsigned long ip);
void lockdep_sys_exit(void);
void debug_show_held_locks(struct task_struct *task);
void print_irqtrace_events(struct task_struct *task);

/*
 * The validator's observers (Intrinsic.Observer: they run inside the caller's step, so the
 * checks cost a run no steps): debug_check_no_locks_freed() before memory or a lock in it is
 * reused (kfree() calls it from the allocator, lock init functions before they initialise);
 * lock_is_held_type() answers from the current task's held locks (LOCK_STATE_UNKNOWN while
 * lockdep does not validate); __lock_set_class() re-classes a held lock; the hardirq hooks
 * tell task_wait_context() what the hardirq being served is.
 */
void debug_check_no_locks_freed(const void *mem_from, unsigned long mem_len);
int lock_is_held_type(const struct lockdep_map *lock, int read);
void __lock_set_class(struct lockdep_map *lock, unsigned int subclass, unsigned long ip);
void lockdep_hardirq_enter(void);
void lockdep_hardirq_exit(void);
void lockdep_hardirq_threaded(void);
/* current->softirq_context++/-- (<linux/irqflags.h>): lockdep counts a softirq from here (observers, no step) */
void lockdep_softirq_enter(void);
void lockdep_softirq_exit(void);
/* lockdep_hardirq_threaded() unless the word at flags has a bit of mask (read by the observer, no step) */
void lockdep_hardirq_threaded_unless(const unsigned long *flags, unsigned long mask);
/* lockdep_hrtimer_enter(): irq_config while the callback of a timer whose is_hard byte is 0 runs */
int __lockdep_hrtimer_enter(const u8 *is_hard);
void lockdep_hrtimer_exit(int expires_in_hardirq);
#define lockdep_hrtimer_enter(t) __lockdep_hrtimer_enter(&(t)->is_hard)
/* __lockdep_enabled (debug_locks && !lockdep_recursion) and lockdep's per-CPU irq view */
int __lockdep_enabled_now(void);
int __lockdep_hardirqs_enabled(void);
int __lockdep_hardirq_context(void);
#define __lockdep_enabled __lockdep_enabled_now()

static inline void lockdep_init_map_type(struct lockdep_map *lock, const char *name, struct lock_class_key *key,
                                         int subclass, int inner, int outer, int type)
{
    lock->key = key;
    lock->name = name;
    lock->wait_types = (u32)(inner & 0xff) | (u32)(outer & 0xff) << 8 | (u32)(type & 0xff) << 16
                       | (u32)(subclass & 0xff) << 24;
}

#define lockdep_init_map_waits(lock, name, key, sub, inner, outer) \
    lockdep_init_map_type((lock), (name), (key), (sub), (inner), (outer), LD_LOCK_NORMAL)
#define lockdep_init_map_wait(lock, name, key, sub, inner) \
    lockdep_init_map_waits((lock), (name), (key), (sub), (inner), LD_WAIT_INV)
#define lockdep_init_map(lock, name, key, sub) lockdep_init_map_wait((lock), (name), (key), (sub), LD_WAIT_INV)

/* Re-key a lock (any lock type with a dep_map) to another class, keeping its wait and lock types. */
#define lockdep_set_class(lock, key) \
    lockdep_init_map_type(&(lock)->dep_map, #key, (key), 0, (lock)->dep_map.wait_type_inner, \
                          (lock)->dep_map.wait_type_outer, (lock)->dep_map.lock_type)
#define lockdep_set_class_and_name(lock, key, name) \
    lockdep_init_map_type(&(lock)->dep_map, (name), (key), 0, (lock)->dep_map.wait_type_inner, \
                          (lock)->dep_map.wait_type_outer, (lock)->dep_map.lock_type)
#define lockdep_set_class_and_subclass(lock, key, sub) \
    lockdep_init_map_type(&(lock)->dep_map, #key, (key), (sub), (lock)->dep_map.wait_type_inner, \
                          (lock)->dep_map.wait_type_outer, (lock)->dep_map.lock_type)
/*
 * The lock's plain acquisitions use subclass sub of its class from now on. The map keeps its
 * name: upstream's later fix "Avoid creating new name string literals in lockdep_set_subclass()"
 * and its self-test ("compare name before and after" in lib/locking-selftest.c); 6.6.0's macro
 * renamed the map to the argument's text (#lock).
 */
#define lockdep_set_subclass(lock, sub) \
    lockdep_init_map_type(&(lock)->dep_map, (lock)->dep_map.name, (lock)->dep_map.key, (sub), (lock)->dep_map.wait_type_inner, \
                          (lock)->dep_map.wait_type_outer, (lock)->dep_map.lock_type)

/* A held lock changes class or subclass (kernel/locking/lockdep.c lock_set_class). */
static inline void lock_set_class(struct lockdep_map *lock, const char *name, struct lock_class_key *key,
                                  unsigned int subclass, unsigned long ip)
{
    lockdep_init_map_type(lock, name, key, 0, lock->wait_type_inner, lock->wait_type_outer, lock->lock_type);
    __lock_set_class(lock, subclass, ip);
}
#define lock_set_subclass(lock, sub, ip) lock_set_class((lock), (lock)->name, (lock)->key, (sub), (ip))

/* lockdep_assert_held() and friends (include/linux/lockdep.h): a WARN_ON in the caller. */
#define LOCK_STATE_UNKNOWN -1
#define LOCK_STATE_NOT_HELD 0
#define LOCK_STATE_HELD 1

#define lock_is_held(lock) lock_is_held_type((lock), -1)
#define lockdep_is_held(lock) lock_is_held(&(lock)->dep_map)
#define lockdep_is_held_type(lock, r) lock_is_held_type(&(lock)->dep_map, (r))

#define lockdep_assert(cond) do { WARN_ON(debug_locks && !(cond)); } while (0)
#define lockdep_assert_once(cond) do { WARN_ON_ONCE(debug_locks && !(cond)); } while (0)
#define lockdep_assert_held(l) lockdep_assert(lockdep_is_held(l) != LOCK_STATE_NOT_HELD)
#define lockdep_assert_not_held(l) lockdep_assert(lockdep_is_held(l) != LOCK_STATE_HELD)
#define lockdep_assert_held_write(l) lockdep_assert(lockdep_is_held_type(l, 0))
#define lockdep_assert_held_read(l) lockdep_assert(lockdep_is_held_type(l, 1))
#define lockdep_assert_held_once(l) lockdep_assert_once(lockdep_is_held(l) != LOCK_STATE_NOT_HELD)

#define lockdep_assert_irqs_enabled() \
    do { WARN_ON_ONCE(__lockdep_enabled && !__lockdep_hardirqs_enabled()); } while (0)
#define lockdep_assert_irqs_disabled() \
    do { WARN_ON_ONCE(__lockdep_enabled && __lockdep_hardirqs_enabled()); } while (0)
#define lockdep_assert_in_irq() \
    do { WARN_ON_ONCE(__lockdep_enabled && !__lockdep_hardirq_context()); } while (0)
#define lockdep_assert_no_hardirq() \
    do { WARN_ON_ONCE(__lockdep_enabled && (__lockdep_hardirq_context() || !__lockdep_hardirqs_enabled())); } while (0)
#define lockdep_assert_preemption_enabled() \
    do { WARN_ON_ONCE(__lockdep_enabled && (preempt_count() != 0 || !__lockdep_hardirqs_enabled())); } while (0)
#define lockdep_assert_preemption_disabled() \
    do { WARN_ON_ONCE(__lockdep_enabled && (preempt_count() == 0 && __lockdep_hardirqs_enabled())); } while (0)
#define lockdep_assert_in_softirq() \
    do { WARN_ON_ONCE(__lockdep_enabled && (!in_softirq() || in_irq() || in_nmi())); } while (0)

#define STATIC_LOCKDEP_MAP_INIT(_name, inner) { .key = 0, .name = (_name), .wait_type_inner = (inner) }

#define spin_acquire(l, s, t, i) lock_acquire((l), (s), (t), 0, 1, 0, (i))
#define spin_acquire_nest(l, s, t, n, i) lock_acquire((l), (s), (t), 0, 1, (n), (i))
#define spin_release(l, i) lock_release((l), (i))
#define rwlock_acquire(l, s, t, i) lock_acquire((l), (s), (t), 0, 1, 0, (i))
#define rwlock_acquire_read(l, s, t, i) lock_acquire((l), (s), (t), 2, 1, 0, (i))
#define rwlock_release(l, i) lock_release((l), (i))
#define mutex_acquire(l, s, t, i) lock_acquire((l), (s), (t), 0, 1, 0, (i))
#define mutex_acquire_nest(l, s, t, n, i) lock_acquire((l), (s), (t), 0, 1, (n), (i))
#define mutex_release(l, i) lock_release((l), (i))
#define rwsem_acquire(l, s, t, i) lock_acquire((l), (s), (t), 0, 1, 0, (i))
#define rwsem_acquire_read(l, s, t, i) lock_acquire((l), (s), (t), 1, 1, 0, (i))
#define rwsem_acquire_nest(l, s, t, n, i) lock_acquire((l), (s), (t), 0, 1, (n), (i))
#define rwsem_release(l, i) lock_release((l), (i))
/* A held write lock becomes a (non-recursive) read lock: downgrade_write() (an observer, no step). */
void lock_downgrade(struct lockdep_map *lock, unsigned long ip);

#endif
