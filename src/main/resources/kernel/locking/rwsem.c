/*
 * spinlab's model of kernel/locking/rwsem.c: reader-writer semaphores over a raw spinlock and
 * a wait queue. A reader gets in when no writer holds the semaphore or waits for it; a writer
 * when no one holds it. Both may sleep (might_sleep() first, as the kernel's do); a release
 * that leaves the semaphore free wakes all waiters, which try again in the order they wake.
 * Lockdep, as upstream: down_read*() tell it of a non-recursive read (rwsem_acquire_read,
 * read = 1) and down_write*() of a write after might_sleep() and before the attempt, the
 * trylocks once they succeeded, up_*() (rwsem_release) before the release; a killed or
 * interrupted wait releases again; downgrade_write() turns the held write into a read
 * (lock_downgrade).
 * Simplified: no optimistic spinning, no handoff; waiters are woken all at once.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/lockdep.h>

void __init_rwsem(struct rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
    /* not a held semaphore initialised again (lockdep's observer: no step) */
    debug_check_no_locks_freed((void *)sem, sizeof(*sem));
    lockdep_init_map_wait(&sem->dep_map, name, key, 0, LD_WAIT_SLEEP);
    sem->count = 0;
    sem->writers_waiting = 0;
    sem->owner = NULL;
    raw_spin_lock_init(&sem->wait_lock);
    init_waitqueue_head(&sem->wait);
}

static int rwsem_try_read(struct rw_semaphore *sem)
{
    unsigned long flags;
    int ok;

    raw_spin_lock_irqsave(&sem->wait_lock, flags);
    ok = sem->count >= 0 && !sem->writers_waiting;
    if (ok)
        sem->count++;
    raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
    return ok;
}

static int rwsem_try_write(struct rw_semaphore *sem, int waiting)
{
    unsigned long flags;
    int ok;

    raw_spin_lock_irqsave(&sem->wait_lock, flags);
    ok = sem->count == 0;
    if (ok) {
        sem->count = -1;
        sem->owner = current;
        sem->writers_waiting -= waiting;
    }
    raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
    return ok;
}

static void rwsem_writer_waits(struct rw_semaphore *sem, int delta)
{
    unsigned long flags;

    raw_spin_lock_irqsave(&sem->wait_lock, flags);
    sem->writers_waiting += delta;
    raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
}

/* __down_read(): sleeps until it gets in; the lockdep call is in each entry point, for _RET_IP_ */
static void __down_read(struct rw_semaphore *sem)
{
    wait_event(sem->wait, rwsem_try_read(sem));
}

static int __down_read_killable(struct rw_semaphore *sem)
{
    return wait_event_killable(sem->wait, rwsem_try_read(sem)) ? -EINTR : 0;
}

static void __down_write(struct rw_semaphore *sem)
{
    if (rwsem_try_write(sem, 0))
        return;
    rwsem_writer_waits(sem, 1);
    wait_event(sem->wait, rwsem_try_write(sem, 1));
}

static int __down_write_killable(struct rw_semaphore *sem)
{
    if (rwsem_try_write(sem, 0))
        return 0;
    rwsem_writer_waits(sem, 1);
    if (wait_event_killable(sem->wait, rwsem_try_write(sem, 1))) {
        rwsem_writer_waits(sem, -1);
        wake_up_all(&sem->wait);
        return -EINTR;
    }
    return 0;
}

static void __up_read(struct rw_semaphore *sem)
{
    unsigned long flags;
    int wake;

    raw_spin_lock_irqsave(&sem->wait_lock, flags);
    WARN_ON(sem->count <= 0);
    wake = --sem->count == 0;
    raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
    if (wake)
        wake_up_all(&sem->wait);
}

void down_read(struct rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire_read(&sem->dep_map, 0, 0, _RET_IP_);
    __down_read(sem);
}

void down_read_nested(struct rw_semaphore *sem, int subclass)
{
    might_sleep();
    rwsem_acquire_read(&sem->dep_map, subclass, 0, _RET_IP_);
    __down_read(sem);
}

int down_read_interruptible(struct rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire_read(&sem->dep_map, 0, 0, _RET_IP_);
    if (wait_event_interruptible(sem->wait, rwsem_try_read(sem))) {
        rwsem_release(&sem->dep_map, _RET_IP_);
        return -EINTR;
    }
    return 0;
}

int down_read_killable(struct rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire_read(&sem->dep_map, 0, 0, _RET_IP_);
    if (__down_read_killable(sem)) {
        rwsem_release(&sem->dep_map, _RET_IP_);
        return -EINTR;
    }
    return 0;
}

int down_read_killable_nested(struct rw_semaphore *sem, int subclass)
{
    might_sleep();
    rwsem_acquire_read(&sem->dep_map, subclass, 0, _RET_IP_);
    if (__down_read_killable(sem)) {
        rwsem_release(&sem->dep_map, _RET_IP_);
        return -EINTR;
    }
    return 0;
}

int down_read_trylock(struct rw_semaphore *sem)
{
    int ret = rwsem_try_read(sem);

    if (ret == 1)
        rwsem_acquire_read(&sem->dep_map, 0, 1, _RET_IP_);
    return ret;
}

void up_read(struct rw_semaphore *sem)
{
    rwsem_release(&sem->dep_map, _RET_IP_);
    __up_read(sem);
}

/* the reader is not the task that releases: lockdep is not told (as upstream) */
void down_read_non_owner(struct rw_semaphore *sem)
{
    might_sleep();
    __down_read(sem);
}

void up_read_non_owner(struct rw_semaphore *sem)
{
    __up_read(sem);
}

void down_write(struct rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire(&sem->dep_map, 0, 0, _RET_IP_);
    __down_write(sem);
}

void down_write_nested(struct rw_semaphore *sem, int subclass)
{
    might_sleep();
    rwsem_acquire(&sem->dep_map, subclass, 0, _RET_IP_);
    __down_write(sem);
}

void _down_write_nest_lock(struct rw_semaphore *sem, struct lockdep_map *nest)
{
    might_sleep();
    rwsem_acquire_nest(&sem->dep_map, 0, 0, nest, _RET_IP_);
    __down_write(sem);
}

int down_write_killable(struct rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire(&sem->dep_map, 0, 0, _RET_IP_);
    if (__down_write_killable(sem)) {
        rwsem_release(&sem->dep_map, _RET_IP_);
        return -EINTR;
    }
    return 0;
}

int down_write_killable_nested(struct rw_semaphore *sem, int subclass)
{
    might_sleep();
    rwsem_acquire(&sem->dep_map, subclass, 0, _RET_IP_);
    if (__down_write_killable(sem)) {
        rwsem_release(&sem->dep_map, _RET_IP_);
        return -EINTR;
    }
    return 0;
}

int down_write_trylock(struct rw_semaphore *sem)
{
    int ret = rwsem_try_write(sem, 0);

    if (ret == 1)
        rwsem_acquire(&sem->dep_map, 0, 1, _RET_IP_);
    return ret;
}

void up_write(struct rw_semaphore *sem)
{
    unsigned long flags;

    rwsem_release(&sem->dep_map, _RET_IP_);
    raw_spin_lock_irqsave(&sem->wait_lock, flags);
    WARN_ON(sem->count != -1);
    sem->count = 0;
    sem->owner = NULL;
    raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
    wake_up_all(&sem->wait);
}

/* The writer becomes a reader: other readers may come in, writers still wait. */
void downgrade_write(struct rw_semaphore *sem)
{
    unsigned long flags;

    lock_downgrade(&sem->dep_map, _RET_IP_);
    raw_spin_lock_irqsave(&sem->wait_lock, flags);
    sem->count = 1;
    sem->owner = NULL;
    raw_spin_unlock_irqrestore(&sem->wait_lock, flags);
    wake_up_all(&sem->wait);
}

int rwsem_is_locked(struct rw_semaphore *sem)
{
    return READ_ONCE(sem->count) != 0;
}
