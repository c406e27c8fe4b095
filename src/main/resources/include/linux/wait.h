/*
 * spinlab's model of <linux/wait.h> (implementation in kernel/sched/wait.c): wait queues.
 * A wait_queue_head is a spinlock and a list of wait_queue_entry, each naming a task and the
 * function that wakes it. wait_event*() follow the kernel's ___wait_event() loop: queue the
 * entry and set the task state (prepare_to_wait_event), test the condition, sleep, repeat;
 * finish_wait() at the end.
 *
 * As in the kernel, the interruptible and timeout forms are expressions (GNU statement
 * expressions): wait_event_interruptible() gives 0 or -ERESTARTSYS, the _timeout forms the
 * jiffies left (0: timed out, at least 1 when the condition became true). The model has no
 * signals, so an interruptible sleep is never interrupted. wait_event_fn() and
 * wait_event_interruptible_fn() take the condition as a function (spinlab's own helpers).
 */
#ifndef _SPINLAB_LINUX_WAIT_H
#define _SPINLAB_LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <asm/barrier.h>

#define WQ_FLAG_EXCLUSIVE 0x01
#define WQ_FLAG_WOKEN 0x02

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key);

struct wait_queue_entry {
    unsigned int flags;
    void *private;                 /* the waiting task */
    wait_queue_func_t func;
    struct list_head entry;
};
typedef struct wait_queue_entry wait_queue_entry_t;

struct wait_queue_head {
    spinlock_t lock;
    struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int flags, void *key);

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) { \
    .lock = __SPIN_LOCK_UNLOCKED(name.lock), .head = { &(name).head, &(name).head } }
#define DECLARE_WAIT_QUEUE_HEAD(name) wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

#define __WAITQUEUE_INITIALIZER(name, tsk) { \
    .private = (tsk), .func = default_wake_function, .entry = { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define DEFINE_WAIT_FUNC(name, function) struct wait_queue_entry name = { \
    .private = current, .func = function, .entry = LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name);
#define init_waitqueue_head(wq_head) __init_waitqueue_head((wq_head), #wq_head)

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
    wq_entry->flags = 0;
    wq_entry->private = p;
    wq_entry->func = default_wake_function;
}

static inline int waitqueue_active(struct wait_queue_head *wq_head)
{
    return !list_empty(&wq_head->head);
}

static inline int wq_has_sleeper(struct wait_queue_head *wq_head)
{
    smp_mb();
    return waitqueue_active(wq_head);
}

static inline void __add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
    list_add(&wq_entry->entry, &wq_head->head);
}

static inline void __add_wait_queue_entry_tail(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
    list_add_tail(&wq_entry->entry, &wq_head->head);
}

static inline void __remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
    list_del_init(&wq_entry->entry);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
void __wake_up_locked(struct wait_queue_head *wq_head, unsigned int mode, int nr);

#define wake_up(x) __wake_up((x), TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up((x), TASK_NORMAL, (nr), NULL)
#define wake_up_all(x) __wake_up((x), TASK_NORMAL, 0, NULL)
#define wake_up_locked(x) __wake_up_locked((x), TASK_NORMAL, 1)
#define wake_up_all_locked(x) __wake_up_locked((x), TASK_NORMAL, 0)
#define wake_up_interruptible(x) __wake_up((x), TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr) __wake_up((x), TASK_INTERRUPTIBLE, (nr), NULL)
#define wake_up_interruptible_all(x) __wake_up((x), TASK_INTERRUPTIBLE, 0, NULL)
/* the _sync forms only hint that the waker is about to sleep; the model wakes as wake_up does */
#define wake_up_sync(x) __wake_up((x), TASK_NORMAL, 1, NULL)
#define wake_up_interruptible_sync(x) __wake_up((x), TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_sync_poll(x, m) __wake_up((x), TASK_INTERRUPTIBLE, 1, (void *)(m))
#define wake_up_poll(x, m) __wake_up((x), TASK_NORMAL, 1, (void *)(m))
#define wake_up_interruptible_poll(x, m) __wake_up((x), TASK_INTERRUPTIBLE, 1, (void *)(m))

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
int prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/*
 * The wait loop of the kernel's ___wait_event() (include/linux/wait.h), a statement expression
 * whose value is ret, or the "signal" that interrupted an interruptible sleep (the model has
 * no signals, so that never happens); the kernel's goto out of the loop is a flag here.
 */
#define ___wait_is_interruptible(state) ((state) & (TASK_INTERRUPTIBLE | TASK_WAKEKILL))

#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) ({               \
    struct wait_queue_entry __wq_entry;                                                 \
    long __ret = ret;       /* explicit shadow */                                       \
    int __interrupted = 0;                                                              \
    init_wait_entry(&__wq_entry, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0);                  \
    for (;;) {                                                                          \
        long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, (state));          \
        if (condition)                                                                  \
            break;                                                                      \
        if (___wait_is_interruptible(state) && __int) {                                 \
            __ret = __int;                                                              \
            __interrupted = 1;                                                          \
            break;                                                                      \
        }                                                                               \
        cmd;                                                                            \
    }                                                                                   \
    if (!__interrupted)                                                                 \
        finish_wait(&(wq_head), &__wq_entry);                                           \
    __ret;                                                                              \
})

/* a timeout's condition: true once the condition holds (then at least 1 jiffy is "left") or time is up */
#define ___wait_cond_timeout(condition) ({                                              \
    bool __cond = (condition);                                                          \
    if (__cond && !__ret)                                                               \
        __ret = 1;                                                                      \
    __cond || !__ret;                                                                   \
})

#define __wait_event(wq_head, condition) \
    (void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule())
#define wait_event(wq_head, condition) do {                                             \
    might_sleep();                                                                      \
    if (condition)                                                                      \
        break;                                                                          \
    __wait_event(wq_head, condition);                                                   \
} while (0)

#define __wait_event_timeout(wq_head, condition, timeout) \
    ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_UNINTERRUPTIBLE, 0, timeout, \
                  __ret = schedule_timeout(__ret))
#define wait_event_timeout(wq_head, condition, timeout) ({                              \
    long __ret = timeout;                                                               \
    might_sleep();                                                                      \
    if (!___wait_cond_timeout(condition))                                               \
        __ret = __wait_event_timeout(wq_head, condition, timeout);                      \
    __ret;                                                                              \
})

#define __wait_event_interruptible(wq_head, condition) \
    ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule())
#define wait_event_interruptible(wq_head, condition) ({                                 \
    int __ret = 0;                                                                      \
    might_sleep();                                                                      \
    if (!(condition))                                                                   \
        __ret = __wait_event_interruptible(wq_head, condition);                         \
    __ret;                                                                              \
})

#define __wait_event_interruptible_timeout(wq_head, condition, timeout) \
    ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_INTERRUPTIBLE, 0, timeout, \
                  __ret = schedule_timeout(__ret))
#define wait_event_interruptible_timeout(wq_head, condition, timeout) ({                \
    long __ret = timeout;                                                               \
    might_sleep();                                                                      \
    if (!___wait_cond_timeout(condition))                                               \
        __ret = __wait_event_interruptible_timeout(wq_head, condition, timeout);        \
    __ret;                                                                              \
})

#define __wait_event_interruptible_exclusive(wq_head, condition) \
    ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 1, 0, schedule())
#define wait_event_interruptible_exclusive(wq_head, condition) ({                       \
    int __ret = 0;                                                                      \
    might_sleep();                                                                      \
    if (!(condition))                                                                   \
        __ret = __wait_event_interruptible_exclusive(wq_head, condition);               \
    __ret;                                                                              \
})

#define __wait_event_killable(wq_head, condition) \
    ___wait_event(wq_head, condition, TASK_KILLABLE, 0, 0, schedule())
#define wait_event_killable(wq_head, condition) ({                                      \
    int __ret = 0;                                                                      \
    might_sleep();                                                                      \
    if (!(condition))                                                                   \
        __ret = __wait_event_killable(wq_head, condition);                              \
    __ret;                                                                              \
})

#define __wait_event_killable_timeout(wq_head, condition, timeout) \
    ___wait_event(wq_head, ___wait_cond_timeout(condition), TASK_KILLABLE, 0, timeout, \
                  __ret = schedule_timeout(__ret))
#define wait_event_killable_timeout(wq_head, condition, timeout) ({                     \
    long __ret = timeout;                                                               \
    might_sleep();                                                                      \
    if (!___wait_cond_timeout(condition))                                               \
        __ret = __wait_event_killable_timeout(wq_head, condition, timeout);             \
    __ret;                                                                              \
})

#define __wait_event_idle(wq_head, condition) \
    (void)___wait_event(wq_head, condition, TASK_IDLE, 0, 0, schedule())
#define wait_event_idle(wq_head, condition) do {                                        \
    might_sleep();                                                                      \
    if (!(condition))                                                                   \
        __wait_event_idle(wq_head, condition);                                          \
} while (0)

#define wait_event_freezable(wq_head, condition) wait_event_interruptible(wq_head, condition)
#define wait_event_freezable_timeout(wq_head, condition, timeout) \
    wait_event_interruptible_timeout(wq_head, condition, timeout)

/* the condition is tested, and the sleep entered, with lock held (taken with spin_lock_irq) */
#define __wait_event_lock_irq(wq_head, condition, lock, cmd) \
    (void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, \
                        spin_unlock_irq(&lock); cmd; schedule(); spin_lock_irq(&lock))
#define wait_event_lock_irq(wq_head, condition, lock) do {                              \
    if (condition)                                                                      \
        break;                                                                          \
    __wait_event_lock_irq(wq_head, condition, lock, );                                  \
} while (0)
#define __wait_event_interruptible_lock_irq(wq_head, condition, lock, cmd) \
    ___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, \
                  spin_unlock_irq(&lock); cmd; schedule(); spin_lock_irq(&lock))
#define wait_event_interruptible_lock_irq(wq_head, condition, lock) ({                  \
    int __ret = 0;                                                                      \
    if (!(condition))                                                                   \
        __ret = __wait_event_interruptible_lock_irq(wq_head, condition, lock, );        \
    __ret;                                                                              \
})

/* Expression forms for a condition given as a function: they return 0 (no signals in the model). */
int __wait_event_fn(struct wait_queue_head *wq_head, int (*cond)(void *), void *arg, int state);
#define wait_event_fn(wq_head, cond, arg) __wait_event_fn(&(wq_head), (cond), (arg), TASK_UNINTERRUPTIBLE)
#define wait_event_interruptible_fn(wq_head, cond, arg) __wait_event_fn(&(wq_head), (cond), (arg), TASK_INTERRUPTIBLE)

#endif
