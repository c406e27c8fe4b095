/*
 * spinlab's model of <linux/workqueue.h> (implementation in kernel/workqueue.c): deferred
 * work run in process context by the per-CPU worker threads kworker/N:0. work->data holds
 * WORK_STRUCT_PENDING (bit 0: queued or its timer armed, not yet started) and, above
 * WORK_POOL_SHIFT, 1 + the CPU of the pool it was last queued on.
 */
#ifndef _SPINLAB_LINUX_WORKQUEUE_H
#define _SPINLAB_LINUX_WORKQUEUE_H

#include <linux/types.h>
#include <linux/container_of.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
    atomic_long_t data;
    struct list_head entry;
    work_func_t func;
};

#define WORK_STRUCT_PENDING_BIT 0
#define WORK_STRUCT_PENDING (1UL << WORK_STRUCT_PENDING_BIT)
#define WORK_POOL_SHIFT 8
#define WORK_CPU_UNBOUND (-1)

struct delayed_work {
    struct work_struct work;
    struct timer_list timer;
    struct workqueue_struct *wq;
    int cpu;
};

struct workqueue_struct;
extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;

void delayed_work_timer_fn(struct timer_list *t);

#define work_data_bits(work) ((unsigned long *)(&(work)->data.counter))
#define work_pending(work) test_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))
#define delayed_work_pending(w) work_pending(&(w)->work)

#define __WORK_INITIALIZER(n, f) { .data = ATOMIC_LONG_INIT(0), \
    .entry = { &(n).entry, &(n).entry }, .func = (f) }
#define DECLARE_WORK(n, f) struct work_struct n = __WORK_INITIALIZER(n, f)

#define __DELAYED_WORK_INITIALIZER(n, f, tflags) { .work = __WORK_INITIALIZER((n).work, (f)), \
    .timer = { .entry = { &(n).timer.entry, &(n).timer.entry }, .function = delayed_work_timer_fn, \
               .flags = (tflags) }, .cpu = WORK_CPU_UNBOUND }
#define DECLARE_DELAYED_WORK(n, f) struct delayed_work n = __DELAYED_WORK_INITIALIZER(n, f, 0)

static inline void __init_work(struct work_struct *work, work_func_t func)
{
    atomic_long_set(&work->data, 0);
    INIT_LIST_HEAD(&work->entry);
    work->func = func;
}

#define INIT_WORK(_work, _func) __init_work((_work), (_func))
#define INIT_WORK_ONSTACK(_work, _func) __init_work((_work), (_func))
#define INIT_DELAYED_WORK(_work, _func) do {                            \
    __init_work(&(_work)->work, (_func));                               \
    timer_setup(&(_work)->timer, delayed_work_timer_fn, 0);             \
    (_work)->cpu = WORK_CPU_UNBOUND;                                    \
    } while (0)

#define INIT_DELAYED_WORK_ONSTACK(_work, _func) INIT_DELAYED_WORK((_work), (_func))
/* on-stack works are for CONFIG_DEBUG_OBJECTS_WORK, which the model does not have: nothing to undo */
#define destroy_work_on_stack(_work) do { (void)(_work); } while (0)
#define destroy_delayed_work_on_stack(_work) do { (void)(_work); } while (0)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
    return container_of(work, struct delayed_work, work);
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work_sync(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
struct workqueue_struct *__alloc_workqueue(const char *name, unsigned int flags, int max_active);
void destroy_workqueue(struct workqueue_struct *wq);
struct work_struct *current_work(void);

/* alloc_workqueue() is variadic in the kernel (a printf-style name); the model takes the name as is. */
#define alloc_workqueue(fmt, flags, max_active, ...) __alloc_workqueue((fmt), (flags), (max_active))
#define alloc_ordered_workqueue(fmt, flags, ...) __alloc_workqueue((fmt), (flags), 1)
#define create_workqueue(name) __alloc_workqueue((name), 0, 1)
#define create_singlethread_workqueue(name) __alloc_workqueue((name), 0, 1)

#define WQ_UNBOUND (1 << 1)
#define WQ_FREEZABLE (1 << 2)
#define WQ_MEM_RECLAIM (1 << 3)
#define WQ_HIGHPRI (1 << 4)

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
    return queue_work_on(WORK_CPU_UNBOUND, wq, work);
}

static inline bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
    return queue_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
    return mod_delayed_work_on(WORK_CPU_UNBOUND, wq, dwork, delay);
}

static inline bool schedule_work_on(int cpu, struct work_struct *work)
{
    return queue_work_on(cpu, system_wq, work);
}

/* Queues work on the system workqueue; false if it was already pending. */
static inline bool schedule_work(struct work_struct *work)
{
    return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
    return queue_delayed_work(system_wq, dwork, delay);
}

static inline bool schedule_delayed_work_on(int cpu, struct delayed_work *dwork, unsigned long delay)
{
    return queue_delayed_work_on(cpu, system_wq, dwork, delay);
}

static inline void flush_scheduled_work(void)
{
    flush_workqueue(system_wq);
}

#endif
