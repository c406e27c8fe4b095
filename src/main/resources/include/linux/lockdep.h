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

#define MAX_LOCKDEP_SUBCLASSES 8

/* One byte per subclass, so key + subclass is a distinct address, as in the kernel. */
struct lock_class_key {
    char subkeys[MAX_LOCKDEP_SUBCLASSES];
};

/* The validator reads key and name at these offsets (0 and 8): keep them first. */
struct lockdep_map {
    struct lock_class_key *key;
    const char *name;
    int wait_type_inner;
    int pad;
};

/* Wait types (lockdep_types.h): printed as the -{outer:inner} suffix of a class. */
#define LD_WAIT_INV 0
#define LD_WAIT_FREE 1
#define LD_WAIT_SPIN 2
#define LD_WAIT_CONFIG 3
#define LD_WAIT_SLEEP 4

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

static inline void lockdep_init_map_wait(struct lockdep_map *lock, const char *name,
                                         struct lock_class_key *key, int subclass, int inner)
{
    lock->key = key;
    lock->name = name;
    lock->wait_type_inner = inner;
}

#define lockdep_init_map(lock, name, key, sub) lockdep_init_map_wait((lock), (name), (key), (sub), LD_WAIT_INV)

/* Re-key a lock (any lock type with a dep_map) to another class. */
#define lockdep_set_class(lock, key) \
    lockdep_init_map_wait(&(lock)->dep_map, #key, (key), 0, (lock)->dep_map.wait_type_inner)
#define lockdep_set_class_and_name(lock, key, name) \
    lockdep_init_map_wait(&(lock)->dep_map, (name), (key), 0, (lock)->dep_map.wait_type_inner)

/*
 * lockdep_assert_held() and friends: the model's lockdep is an observer outside the machine
 * (docs/kernel.md) that C cannot ask, so the assertions are accepted and not checked.
 */
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#define lockdep_assert_held_write(l) do { (void)(l); } while (0)
#define lockdep_assert_held_read(l) do { (void)(l); } while (0)
#define lockdep_assert_held_once(l) do { (void)(l); } while (0)
#define lockdep_assert_not_held(l) do { (void)(l); } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#define lockdep_assert_irqs_enabled() do { } while (0)
#define lockdep_assert_preemption_disabled() do { } while (0)
#define lockdep_is_held(l) 1

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
#define rwsem_release(l, i) lock_release((l), (i))

#endif
