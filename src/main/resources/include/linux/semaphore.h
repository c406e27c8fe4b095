/*
 * spinlab's model of <linux/semaphore.h> (implementation in kernel/locking/semaphore.c):
 * counting semaphores. count is how many more holders are admitted; the rest sleep on
 * wait_list in FIFO order and up() hands its unit straight to the first of them.
 */
#ifndef _SPINLAB_LINUX_SEMAPHORE_H
#define _SPINLAB_LINUX_SEMAPHORE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock_types.h>

struct semaphore {
    raw_spinlock_t lock;
    unsigned int count;
    struct list_head wait_list;
};

#define __SEMAPHORE_INITIALIZER(name, n) { .lock = __RAW_SPIN_LOCK_UNLOCKED((name).lock), \
    .count = (n), .wait_list = LIST_HEAD_INIT((name).wait_list) }

/*
 * DEFINE_SEMAPHORE(name) is a binary semaphore (count 1), as before Linux 6.4;
 * DEFINE_SEMAPHORE(name, n), as since 6.4, gives count n.
 */
#define __SEM_COUNT(dummy, n, ...) n
#define DEFINE_SEMAPHORE(name, ...) \
    struct semaphore name = __SEMAPHORE_INITIALIZER(name, __SEM_COUNT(0, ##__VA_ARGS__, 1))

void sema_init(struct semaphore *sem, int val);
void down(struct semaphore *sem);
int down_interruptible(struct semaphore *sem);
int down_killable(struct semaphore *sem);
int down_trylock(struct semaphore *sem);
int down_timeout(struct semaphore *sem, long jiffies);
void up(struct semaphore *sem);

#endif
