/*
 * spinlab's model of <linux/rwsem.h> (implementation in kernel/locking/rwsem.c): sleeping
 * reader-writer semaphores. Many readers or one writer; a waiting writer holds back new
 * readers (so writers are not starved), and a released semaphore wakes every waiter to try
 * again. With lockdep, dep_map names the semaphore's class (the init_rwsem() call site's key,
 * or the semaphore's own address for DECLARE_RWSEM) with wait type LD_WAIT_SLEEP; readers
 * are non-recursive read acquisitions (read = 1), writers write acquisitions, as upstream.
 */
#ifndef _SPINLAB_LINUX_RWSEM_H
#define _SPINLAB_LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/lockdep.h>

struct rw_semaphore {
    long count;                 /* readers holding it, or -1 for a writer */
    int writers_waiting;
    struct task_struct *owner;  /* the writer holding it */
    raw_spinlock_t wait_lock;
    wait_queue_head_t wait;
    struct lockdep_map dep_map;
};

#define __RWSEM_INITIALIZER(name) { .count = 0, .writers_waiting = 0, .owner = NULL, \
    .wait_lock = __RAW_SPIN_LOCK_UNLOCKED(name.wait_lock), .wait = __WAIT_QUEUE_HEAD_INITIALIZER((name).wait), \
    .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, LD_WAIT_SLEEP) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key);
/* Every call site is a lock class of its own: its static key. */
#define init_rwsem(sem) \
    do { static struct lock_class_key __key; __init_rwsem((sem), #sem, &__key); } while (0)

void down_read(struct rw_semaphore *sem);
int down_read_interruptible(struct rw_semaphore *sem);
int down_read_killable(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
int down_write_killable(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
void downgrade_write(struct rw_semaphore *sem);
int rwsem_is_locked(struct rw_semaphore *sem);

/* lockdep annotations of nesting (CONFIG_DEBUG_LOCK_ALLOC) */
void down_read_nested(struct rw_semaphore *sem, int subclass);
int down_read_killable_nested(struct rw_semaphore *sem, int subclass);
void down_write_nested(struct rw_semaphore *sem, int subclass);
int down_write_killable_nested(struct rw_semaphore *sem, int subclass);
void _down_write_nest_lock(struct rw_semaphore *sem, struct lockdep_map *nest_lock);
#define down_write_nest_lock(sem, nest_lock) _down_write_nest_lock((sem), &(nest_lock)->dep_map)
/* released by another task than the one that took it: not a lockdep-held lock */
void down_read_non_owner(struct rw_semaphore *sem);
void up_read_non_owner(struct rw_semaphore *sem);

#ifdef CONFIG_LOCKDEP
#define rwsem_assert_held(sem) lockdep_assert_held(sem)
#define rwsem_assert_held_write(sem) lockdep_assert_held_write(sem)
#else
#define rwsem_assert_held(sem) WARN_ON(!rwsem_is_locked(sem))
#define rwsem_assert_held_write(sem) WARN_ON(!rwsem_is_locked(sem))
#endif

/* guard(rwsem_read)(&sem), guard(rwsem_write)(&sem) and the __free() forms (6.6's rwsem.h) */
#include <linux/cleanup.h>
DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))
DEFINE_FREE(up_read, struct rw_semaphore *, if (_T) up_read(_T))
DEFINE_FREE(up_write, struct rw_semaphore *, if (_T) up_write(_T))

#endif
