/*
 * spinlab's model of <linux/rwsem.h> (implementation in kernel/locking/rwsem.c): sleeping
 * reader-writer semaphores. Many readers or one writer; a waiting writer holds back new
 * readers (so writers are not starved), and a released semaphore wakes every waiter to try
 * again. Not annotated for lockdep (docs/kernel.md: non-recursive readers are not modelled).
 */
#ifndef _SPINLAB_LINUX_RWSEM_H
#define _SPINLAB_LINUX_RWSEM_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

struct rw_semaphore {
    long count;                 /* readers holding it, or -1 for a writer */
    int writers_waiting;
    struct task_struct *owner;  /* the writer holding it */
    spinlock_t wait_lock;
    wait_queue_head_t wait;
};

#define __RWSEM_INITIALIZER(name) { .count = 0, .writers_waiting = 0, .owner = NULL, \
    .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock), .wait = __WAIT_QUEUE_HEAD_INITIALIZER((name).wait) }
#define DECLARE_RWSEM(name) struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void __init_rwsem(struct rw_semaphore *sem, const char *name);
#define init_rwsem(sem) __init_rwsem((sem), #sem)

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

#define down_read_nested(sem, subclass) down_read(sem)
#define down_write_nested(sem, subclass) down_write(sem)
#define rwsem_assert_held(sem) WARN_ON(!rwsem_is_locked(sem))
#define rwsem_assert_held_write(sem) WARN_ON(!rwsem_is_locked(sem))

#endif
