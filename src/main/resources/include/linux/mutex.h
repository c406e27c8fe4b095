/* spinlab's model of <linux/mutex.h>: sleeping locks (minimal; the model kernel owns the details). */
#ifndef _SPINLAB_LINUX_MUTEX_H
#define _SPINLAB_LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/spinlock_types.h>

struct mutex {
    long owner;
    spinlock_t wait_lock;
    void *wait_list;
};

#define __MUTEX_INITIALIZER(name) { .owner = 0, .wait_lock = __SPIN_LOCK_UNLOCKED(name.wait_lock), .wait_list = 0 }
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_is_locked(struct mutex *lock);

#endif
