/*
 * spinlab's model of kernel/locking/rtmutex_api.c: the rt_mutex entry points with their
 * lockdep annotations, as upstream: rt_mutex_lock*() tell lockdep (mutex_acquire_nest) after
 * might_sleep() and before the attempt, and release again when an interruptible or killable
 * wait is cut short; rt_mutex_trylock() once it succeeded (and, as with
 * CONFIG_DEBUG_RT_MUTEXES, refuses with a WARN outside task context); rt_mutex_unlock()
 * releases first. The lockdep call sits in each entry point, so _RET_IP_ is its caller.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/hardirq.h>
#include <linux/lockdep.h>
#include <linux/rtmutex.h>

void __rt_mutex_init(struct rt_mutex *lock, const char *name, struct lock_class_key *key)
{
    /* not a held rt_mutex initialised again (lockdep's observer: no step) */
    debug_check_no_locks_freed((void *)lock, sizeof(*lock));
    __rt_mutex_base_init(&lock->rtmutex);
    lockdep_init_map_wait(&lock->dep_map, name, key, 0, LD_WAIT_SLEEP);
}

void rt_mutex_lock_nested(struct rt_mutex *lock, unsigned int subclass)
{
    might_sleep();
    mutex_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    __rt_mutex_lock(&lock->rtmutex, TASK_UNINTERRUPTIBLE);
}

void _rt_mutex_lock_nest_lock(struct rt_mutex *lock, struct lockdep_map *nest_lock)
{
    might_sleep();
    mutex_acquire_nest(&lock->dep_map, 0, 0, nest_lock, _RET_IP_);
    __rt_mutex_lock(&lock->rtmutex, TASK_UNINTERRUPTIBLE);
}

int rt_mutex_lock_interruptible(struct rt_mutex *lock)
{
    int ret;

    might_sleep();
    mutex_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    ret = __rt_mutex_lock(&lock->rtmutex, TASK_INTERRUPTIBLE);
    if (ret)
        mutex_release(&lock->dep_map, _RET_IP_);
    return ret;
}

int rt_mutex_lock_killable(struct rt_mutex *lock)
{
    int ret;

    might_sleep();
    mutex_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    ret = __rt_mutex_lock(&lock->rtmutex, TASK_KILLABLE);
    if (ret)
        mutex_release(&lock->dep_map, _RET_IP_);
    return ret;
}

int rt_mutex_trylock(struct rt_mutex *lock)
{
    int ret;

    if (WARN_ON_ONCE(!in_task()))
        return 0;
    ret = __rt_mutex_trylock(&lock->rtmutex);
    if (ret)
        mutex_acquire(&lock->dep_map, 0, 1, _RET_IP_);
    return ret;
}

void rt_mutex_unlock(struct rt_mutex *lock)
{
    mutex_release(&lock->dep_map, _RET_IP_);
    __rt_mutex_unlock(&lock->rtmutex);
}
