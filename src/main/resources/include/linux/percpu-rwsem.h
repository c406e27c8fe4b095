/*
 * spinlab's model of <linux/percpu-rwsem.h> (implementation in kernel/locking/percpu-rwsem.c):
 * a reader-writer semaphore whose readers only touch a per-CPU counter while no writer is
 * about, and whose writer pays for that: it turns the readers to their slow path, excludes
 * other writers (`block`), then waits until the per-CPU read counts add up to zero.
 *
 * As in Linux 6.6: the readers' fast path runs with preemption disabled (the counter of the
 * CPU they run on goes up at down_read and down on whichever CPU runs up_read, so one CPU's
 * counter may wrap; only the sum means anything); percpu_down_read() may sleep (might_sleep()
 * first); lockdep sees the whole semaphore as one map, `dep_map`, with readers as
 * non-recursive reads (rwsem_acquire_read, read = 1) and the writer as a write, before the
 * attempt (the trylock after success). The map has no wait type (LD_WAIT_INV, as upstream's
 * `{ .name = ... }` initialiser and lockdep_init_map() leave it): lockdep's wait-context check
 * neither checks it nor lets it restrict what is taken inside; sleeping in atomic context is
 * might_sleep()'s to report.
 *
 * Model differences (kernel/locking/percpu-rwsem.c says more): `rss` (upstream a struct
 * rcu_sync) is a count of writers that have entered; readers take the slow path while it is
 * not zero; the writer's rcu_sync_enter() is the count going up and a synchronize_rcu() (so
 * every reader that saw it zero has finished its preempt-disabled fast path), its
 * rcu_sync_exit() the count going down at once (the model's memory is sequentially
 * consistent, so the grace period upstream waits for before readers go fast again orders
 * nothing here). `writer` (upstream a struct rcuwait) is the task waiting for the readers.
 * percpu_init_rwsem() takes its counters from kcalloc (alloc_percpu() is not modelled).
 */
#ifndef _SPINLAB_LINUX_PERCPU_RWSEM_H
#define _SPINLAB_LINUX_PERCPU_RWSEM_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/percpu.h>
#include <linux/wait.h>
#include <linux/lockdep.h>
#include <linux/sched.h>

struct percpu_rw_semaphore {
    atomic_t rss;                   /* rcu_sync: writers entered; readers go slow while nonzero */
    unsigned int *read_count;       /* NR_CPUS counters: the readers in, summed over the CPUs */
    struct task_struct *writer;     /* rcuwait: the writer waiting for the readers to leave */
    wait_queue_head_t waiters;      /* readers and writers blocked by `block` */
    atomic_t block;                 /* a writer holds or is taking the semaphore */
    struct lockdep_map dep_map;
};

#define __PERCPU_RWSEM_DEP_MAP_INIT(lockname) .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_INV),

/* The per-CPU counters are a DEFINE_PER_CPU array of their own, as upstream. */
#define __DEFINE_PERCPU_RWSEM(name, is_static) \
    static DEFINE_PER_CPU(unsigned int, __percpu_rwsem_rc_##name); \
    is_static struct percpu_rw_semaphore name = { \
        .rss = ATOMIC_INIT(0), \
        .read_count = &__percpu_rwsem_rc_##name[0], \
        .writer = NULL, \
        .waiters = __WAIT_QUEUE_HEAD_INITIALIZER(name.waiters), \
        .block = ATOMIC_INIT(0), \
        __PERCPU_RWSEM_DEP_MAP_INIT(name) \
    }
#define DEFINE_PERCPU_RWSEM(name) __DEFINE_PERCPU_RWSEM(name, )
#define DEFINE_STATIC_PERCPU_RWSEM(name) __DEFINE_PERCPU_RWSEM(name, static)

void percpu_down_read(struct percpu_rw_semaphore *sem);
bool percpu_down_read_trylock(struct percpu_rw_semaphore *sem);
void percpu_up_read(struct percpu_rw_semaphore *sem);
void percpu_down_write(struct percpu_rw_semaphore *sem);
void percpu_up_write(struct percpu_rw_semaphore *sem);

int __percpu_init_rwsem(struct percpu_rw_semaphore *sem, const char *name, struct lock_class_key *key);
/* Every call site is a lock class of its own: its static key. */
#define percpu_init_rwsem(sem) \
    ({ static struct lock_class_key rwsem_key; __percpu_init_rwsem((sem), #sem, &rwsem_key); })
void percpu_free_rwsem(struct percpu_rw_semaphore *sem);

static inline bool percpu_is_write_locked(struct percpu_rw_semaphore *sem)
{
    return atomic_read(&sem->block);
}

#define percpu_rwsem_is_held(sem) lockdep_is_held(sem)
#define percpu_rwsem_assert_held(sem) lockdep_assert_held(sem)

/* Hand the held semaphore over to another task, for lockdep (the lock itself stays taken). */
static inline void percpu_rwsem_release(struct percpu_rw_semaphore *sem, bool read, unsigned long ip)
{
    lock_release(&sem->dep_map, ip);
}

static inline void percpu_rwsem_acquire(struct percpu_rw_semaphore *sem, bool read, unsigned long ip)
{
    lock_acquire(&sem->dep_map, 0, 1, read, 1, NULL, ip);
}

#endif
