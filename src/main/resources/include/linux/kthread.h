/*
 * spinlab's model of <linux/kthread.h> (implementation in kernel/kthread.c): kernel threads.
 * kthread_create() makes a task that sleeps (TASK_UNINTERRUPTIBLE) until wake_up_process();
 * kthread_run() creates and wakes. kthread_stop() tells the thread to stop, wakes it, and
 * waits until it has exited, returning its result (-EINTR if it never ran its function).
 *
 * Limitation: the kernel's kthread_stop() also raises TIF_NOTIFY_SIGNAL on the thread, so an
 * interruptible sleep it is in (or enters) ends with a pending "signal"; the model has no
 * signals: a thread waiting with wait_event_interruptible() must test kthread_should_stop()
 * in its condition, as well-written threads do anyway.
 */
#ifndef _SPINLAB_LINUX_KTHREAD_H
#define _SPINLAB_LINUX_KTHREAD_H

#include <linux/err.h>
#include <linux/sched.h>
#include <linux/completion.h>

#define NUMA_NO_NODE (-1)

/* the thread's name is formatted first (as kasprintf does); the kernel takes a printf format */
char *__spinlab_kasprintf(const char *fmt, ...);
struct task_struct *__kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, char *name);
#define kthread_create_on_node(threadfn, data, node, ...) \
    __kthread_create_on_node((threadfn), (data), (node), __spinlab_kasprintf(__VA_ARGS__))
#define kthread_create(threadfn, data, ...) \
    kthread_create_on_node((threadfn), (data), NUMA_NO_NODE, __VA_ARGS__)

/* wakes a thread kthread_create() made (unless that failed) and returns it */
struct task_struct *__kthread_run_created(struct task_struct *k);
#define kthread_run(threadfn, data, ...) __kthread_run_created(kthread_create((threadfn), (data), __VA_ARGS__))

void kthread_bind(struct task_struct *k, unsigned int cpu);
int kthread_stop(struct task_struct *k);
int kthread_stop_put(struct task_struct *k);
bool kthread_should_stop(void);
bool kthread_should_park(void);
bool kthread_should_stop_or_park(void);
int kthread_park(struct task_struct *k);
void kthread_unpark(struct task_struct *k);
void kthread_parkme(void);
void *kthread_data(struct task_struct *k);
void kthread_exit(long result) __attribute__((noreturn));
void kthread_complete_and_exit(struct completion *comp, long code) __attribute__((noreturn));

#endif
