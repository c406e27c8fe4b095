/*
 * spinlab's model of kernel/locking/rwsem.c: reader-writer semaphores over a spinlock and a
 * wait queue. A reader gets in when no writer holds the semaphore or waits for it; a writer
 * when no one holds it. Both may sleep (might_sleep() first, as the kernel's do); a release
 * that leaves the semaphore free wakes all waiters, which try again in the order they wake.
 */
#include <linux/kernel.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/wait.h>

void __init_rwsem(struct rw_semaphore *sem, const char *name)
{
    sem->count = 0;
    sem->writers_waiting = 0;
    sem->owner = NULL;
    spin_lock_init(&sem->wait_lock);
    init_waitqueue_head(&sem->wait);
}

static int rwsem_try_read(struct rw_semaphore *sem)
{
    unsigned long flags;
    int ok;

    spin_lock_irqsave(&sem->wait_lock, flags);
    ok = sem->count >= 0 && !sem->writers_waiting;
    if (ok)
        sem->count++;
    spin_unlock_irqrestore(&sem->wait_lock, flags);
    return ok;
}

static int rwsem_try_write(struct rw_semaphore *sem, int waiting)
{
    unsigned long flags;
    int ok;

    spin_lock_irqsave(&sem->wait_lock, flags);
    ok = sem->count == 0;
    if (ok) {
        sem->count = -1;
        sem->owner = current;
        sem->writers_waiting -= waiting;
    }
    spin_unlock_irqrestore(&sem->wait_lock, flags);
    return ok;
}

static void rwsem_writer_waits(struct rw_semaphore *sem, int delta)
{
    unsigned long flags;

    spin_lock_irqsave(&sem->wait_lock, flags);
    sem->writers_waiting += delta;
    spin_unlock_irqrestore(&sem->wait_lock, flags);
}

void down_read(struct rw_semaphore *sem)
{
    might_sleep();
    wait_event(sem->wait, rwsem_try_read(sem));
}

int down_read_interruptible(struct rw_semaphore *sem)
{
    might_sleep();
    return wait_event_interruptible(sem->wait, rwsem_try_read(sem)) ? -EINTR : 0;
}

int down_read_killable(struct rw_semaphore *sem)
{
    might_sleep();
    return wait_event_killable(sem->wait, rwsem_try_read(sem)) ? -EINTR : 0;
}

int down_read_trylock(struct rw_semaphore *sem)
{
    return rwsem_try_read(sem);
}

void up_read(struct rw_semaphore *sem)
{
    unsigned long flags;
    int wake;

    spin_lock_irqsave(&sem->wait_lock, flags);
    WARN_ON(sem->count <= 0);
    wake = --sem->count == 0;
    spin_unlock_irqrestore(&sem->wait_lock, flags);
    if (wake)
        wake_up_all(&sem->wait);
}

void down_write(struct rw_semaphore *sem)
{
    might_sleep();
    if (rwsem_try_write(sem, 0))
        return;
    rwsem_writer_waits(sem, 1);
    wait_event(sem->wait, rwsem_try_write(sem, 1));
}

int down_write_killable(struct rw_semaphore *sem)
{
    might_sleep();
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

int down_write_trylock(struct rw_semaphore *sem)
{
    return rwsem_try_write(sem, 0);
}

void up_write(struct rw_semaphore *sem)
{
    unsigned long flags;

    spin_lock_irqsave(&sem->wait_lock, flags);
    WARN_ON(sem->count != -1);
    sem->count = 0;
    sem->owner = NULL;
    spin_unlock_irqrestore(&sem->wait_lock, flags);
    wake_up_all(&sem->wait);
}

/* The writer becomes a reader: other readers may come in, writers still wait. */
void downgrade_write(struct rw_semaphore *sem)
{
    unsigned long flags;

    spin_lock_irqsave(&sem->wait_lock, flags);
    sem->count = 1;
    sem->owner = NULL;
    spin_unlock_irqrestore(&sem->wait_lock, flags);
    wake_up_all(&sem->wait);
}

int rwsem_is_locked(struct rw_semaphore *sem)
{
    return READ_ONCE(sem->count) != 0;
}
