/*
 * spinlab's model of <linux/mutex.h> (implementation in kernel/locking/mutex.c), configured as
 * with CONFIG_DEBUG_MUTEXES: owner is the owning task (0 when free), set with a
 * compare-and-exchange; contenders sleep on wait_list, guarded by wait_lock; magic points
 * to the mutex itself once initialised. With lockdep, dep_map names the mutex's class: the
 * mutex_init() call site's static key, or the mutex's own address for DEFINE_MUTEX.
 */
#ifndef _SPINLAB_LINUX_MUTEX_H
#define _SPINLAB_LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/spinlock_types.h>

struct mutex {
    atomic_long_t owner;
    raw_spinlock_t wait_lock;
    struct list_head wait_list;
    void *magic;
    struct lockdep_map dep_map;
};

#define __MUTEX_INITIALIZER(lockname) { .owner = ATOMIC_LONG_INIT(0), \
    .wait_lock = __RAW_SPIN_LOCK_UNLOCKED(lockname.wait_lock), \
    .wait_list = LIST_HEAD_INIT((lockname).wait_list), .magic = &(lockname), \
    .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_SLEEP) }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key);
/* Every call site is a lock class of its own: its static key. */
#define mutex_init(mutex) \
    do { static struct lock_class_key __key; __mutex_init((mutex), #mutex, &__key); } while (0)
void mutex_destroy(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass);
void _mutex_lock_nest_lock(struct mutex *lock, struct lockdep_map *nest_lock);
#define mutex_lock_nest_lock(lock, nest_lock) _mutex_lock_nest_lock((lock), &(nest_lock)->dep_map)

/* guard(mutex)(&m): held to the end of the scope (6.6's mutex.h; <linux/cleanup.h>) */
#include <linux/cleanup.h>
DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))
DEFINE_FREE(mutex, struct mutex *, if (_T) mutex_unlock(_T))

#endif
