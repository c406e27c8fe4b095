/* spinlab's model of <linux/wait.h>: wait queues (minimal; the model kernel owns the details). */
#ifndef _SPINLAB_LINUX_WAIT_H
#define _SPINLAB_LINUX_WAIT_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct wait_queue_head {
    spinlock_t lock;
    void *head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = 0 }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(wait_queue_head_t *wq);
void wake_up(wait_queue_head_t *wq);
void wake_up_interruptible(wait_queue_head_t *wq);
void wake_up_all(wait_queue_head_t *wq);

/* Sleeps on wq once; the caller re-checks its condition. */
void __spinlab_wait(wait_queue_head_t *wq);

/* A statement, not the kernel's expression: the condition is re-evaluated after each wake-up. */
#define wait_event(wq, condition) do { while (!(condition)) __spinlab_wait(&(wq)); } while (0)

#endif
