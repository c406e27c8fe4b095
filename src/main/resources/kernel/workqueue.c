/*
 * spinlab's model of kernel/workqueue.c: each CPU has one worker pool, run by its pinned
 * kernel thread kworker/N:0 (created in start_kernel()). queue_work_on() claims the work's
 * PENDING bit (test_and_set_bit, so a pending work is never queued twice) and appends it to
 * a pool's worklist, waking the worker; the worker clears PENDING just before it calls the
 * function (set_work_pool_and_clear_pending()), so a work may be queued again while it
 * runs. As in the kernel, a work still running on one pool is queued behind itself there,
 * never run on two CPUs at once. flush_work() queues a barrier work right behind the work
 * (or at the head of the list if it is running) and waits for the barrier's completion
 * (insert_wq_barrier()); cancel_work_sync() steals PENDING (try_to_grab_pending()) and then
 * flushes a running instance. Delayed works arm a timer whose callback queues the work.
 * Simplified: every workqueue shares the per-CPU pools (so flush_workqueue() flushes them
 * all), one worker per pool (no concurrency management, no rescuers), no lockdep.
 */
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

struct worker_pool {
    raw_spinlock_t lock;
    int cpu;
    struct list_head worklist;
    struct task_struct *worker;          /* kworker/N:0, once it has started */
    struct work_struct *current_work;    /* the work the worker is executing */
    work_func_t current_func;
};

struct workqueue_struct {
    const char *name;
    unsigned int flags;
};

static struct worker_pool cpu_worker_pools[NR_CPUS];

static struct workqueue_struct system_wq_struct = { "events", 0 };
static struct workqueue_struct system_highpri_wq_struct = { "events_highpri", WQ_HIGHPRI };
static struct workqueue_struct system_long_wq_struct = { "events_long", 0 };
static struct workqueue_struct system_unbound_wq_struct = { "events_unbound", WQ_UNBOUND };
struct workqueue_struct *system_wq = &system_wq_struct;
struct workqueue_struct *system_highpri_wq = &system_highpri_wq_struct;
struct workqueue_struct *system_long_wq = &system_long_wq_struct;
struct workqueue_struct *system_unbound_wq = &system_unbound_wq_struct;

void workqueue_init_early(void)
{
    int cpu;
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        struct worker_pool *pool = &cpu_worker_pools[cpu];
        raw_spin_lock_init(&pool->lock);
        pool->cpu = cpu;
        INIT_LIST_HEAD(&pool->worklist);
    }
}

/* ---- work->data: PENDING and the pool the work was last queued on ---- */

static void set_work_pool_and_keep_pending(struct work_struct *work, int cpu)
{
    atomic_long_set(&work->data, ((long)(cpu + 1) << WORK_POOL_SHIFT) | WORK_STRUCT_PENDING);
}

static void set_work_pool_and_clear_pending(struct work_struct *work, int cpu)
{
    atomic_long_set(&work->data, (long)(cpu + 1) << WORK_POOL_SHIFT);
}

static int get_work_pool_cpu(struct work_struct *work)
{
    return (int)(atomic_long_read(&work->data) >> WORK_POOL_SHIFT) - 1;
}

/* Called with pool->lock held: queue work before head and make sure the worker runs. */
static void insert_work(struct worker_pool *pool, struct work_struct *work, struct list_head *head)
{
    list_add_tail(&work->entry, head);
    if (pool->worker)
        wake_up_process(pool->worker);
}

/* Called with irqs off and PENDING owned by the caller. */
static void __queue_work(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
    struct worker_pool *pool;
    int last;

    if (cpu == WORK_CPU_UNBOUND)
        cpu = smp_processor_id();
    /* still running where it was last queued: queue it there, behind itself (non-reentrancy) */
    last = get_work_pool_cpu(work);
    if (last >= 0 && last != cpu) {
        struct worker_pool *last_pool = &cpu_worker_pools[last];
        raw_spin_lock(&last_pool->lock);
        if (last_pool->current_work == work)
            cpu = last;
        raw_spin_unlock(&last_pool->lock);
    }
    pool = &cpu_worker_pools[cpu];
    raw_spin_lock(&pool->lock);
    set_work_pool_and_keep_pending(work, cpu);
    insert_work(pool, work, &pool->worklist);
    raw_spin_unlock(&pool->lock);
}

/* Returns false if the work was already pending. */
bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
    unsigned long flags;
    bool ret = false;

    local_irq_save(flags);
    if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {
        __queue_work(cpu, wq, work);
        ret = true;
    }
    local_irq_restore(flags);
    return ret;
}

void delayed_work_timer_fn(struct timer_list *t)
{
    struct delayed_work *dwork = container_of(t, struct delayed_work, timer);
    unsigned long flags;

    local_irq_save(flags);
    __queue_work(dwork->cpu, dwork->wq, &dwork->work);
    local_irq_restore(flags);
}

static void __queue_delayed_work(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
                                 unsigned long delay)
{
    dwork->wq = wq;
    dwork->cpu = cpu;
    if (!delay) {
        __queue_work(cpu, wq, &dwork->work);
        return;
    }
    mod_timer(&dwork->timer, jiffies + delay);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
    unsigned long flags;
    bool ret = false;

    local_irq_save(flags);
    if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work))) {
        __queue_delayed_work(cpu, wq, dwork, delay);
        ret = true;
    }
    local_irq_restore(flags);
    return ret;
}

/* ---- the worker ---- */

static void process_one_work(struct worker_pool *pool, struct work_struct *work)
{
    work_func_t fn = work->func;

    list_del_init(&work->entry);
    pool->current_work = work;
    pool->current_func = fn;
    set_work_pool_and_clear_pending(work, pool->cpu);
    raw_spin_unlock_irq(&pool->lock);

    fn(work);     /* may free or requeue work: it is not touched again */

    if (unlikely(in_atomic())) {
        pr_err("BUG: workqueue leaked lock or atomic: %s/0x%08x/%d\n", current->comm, preempt_count(),
               current->pid);
        pr_err("    last function: %ps\n", fn);
        dump_stack();
        add_taint_warn();
    }
    cond_resched();
    raw_spin_lock_irq(&pool->lock);
    pool->current_work = NULL;
    pool->current_func = NULL;
}

/* kworker/N:0: runs the pool's works in order, sleeps when the list is empty. */
int worker_thread(void *unused)
{
    struct worker_pool *pool = &cpu_worker_pools[smp_processor_id()];

    raw_spin_lock_irq(&pool->lock);
    pool->worker = current;
    for (;;) {
        while (!list_empty(&pool->worklist))
            process_one_work(pool, list_first_entry(&pool->worklist, struct work_struct, entry));
        /* idle: the state is set under pool->lock, which queueing takes before waking us */
        set_current_state(TASK_INTERRUPTIBLE);
        raw_spin_unlock_irq(&pool->lock);
        schedule();
        raw_spin_lock_irq(&pool->lock);
    }
    return 0;
}

struct work_struct *current_work(void)
{
    struct worker_pool *pool = &cpu_worker_pools[smp_processor_id()];
    if (pool->worker != current)
        return NULL;
    return pool->current_work;
}

/* ---- flushing ---- */

struct wq_barrier {
    struct work_struct work;
    struct completion done;
};

static void wq_barrier_func(struct work_struct *work)
{
    struct wq_barrier *barr = container_of(work, struct wq_barrier, work);
    complete(&barr->done);
}

/* Called with pool->lock held. */
static void insert_wq_barrier(struct worker_pool *pool, struct wq_barrier *barr, struct list_head *head)
{
    INIT_WORK(&barr->work, wq_barrier_func);
    set_work_pool_and_keep_pending(&barr->work, pool->cpu);
    init_completion(&barr->done);
    insert_work(pool, &barr->work, head);
}

static bool start_flush_work(struct work_struct *work, struct wq_barrier *barr)
{
    struct worker_pool *pool;
    int cpu = get_work_pool_cpu(work);

    if (cpu < 0)
        return false;
    pool = &cpu_worker_pools[cpu];
    raw_spin_lock_irq(&pool->lock);
    if (get_work_pool_cpu(work) == cpu && !list_empty(&work->entry)) {
        insert_wq_barrier(pool, barr, work->entry.next);     /* right behind the queued work */
    } else if (pool->current_work == work) {
        insert_wq_barrier(pool, barr, pool->worklist.next);  /* next, while it runs */
    } else {
        raw_spin_unlock_irq(&pool->lock);
        return false;
    }
    raw_spin_unlock_irq(&pool->lock);
    return true;
}

/* Waits until the last queueing of work has finished executing; false if it was idle. */
bool flush_work(struct work_struct *work)
{
    struct wq_barrier barr;

    might_sleep();
    if (start_flush_work(work, &barr)) {
        wait_for_completion(&barr.done);
        return true;
    }
    return false;
}

/* Waits for every work queued so far (on any workqueue: the pools are shared). */
void flush_workqueue(struct workqueue_struct *wq)
{
    int cpu;

    might_sleep();
    for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
        struct worker_pool *pool = &cpu_worker_pools[cpu];
        struct wq_barrier barr;
        bool wait = false;

        raw_spin_lock_irq(&pool->lock);
        if (!list_empty(&pool->worklist) || pool->current_work) {
            insert_wq_barrier(pool, &barr, &pool->worklist);
            wait = true;
        }
        raw_spin_unlock_irq(&pool->lock);
        if (wait)
            wait_for_completion(&barr.done);
    }
}

void drain_workqueue(struct workqueue_struct *wq)
{
    flush_workqueue(wq);
}

bool flush_delayed_work(struct delayed_work *dwork)
{
    local_irq_disable();
    if (del_timer_sync(&dwork->timer))
        __queue_work(dwork->cpu, dwork->wq, &dwork->work);
    local_irq_enable();
    return flush_work(&dwork->work);
}

/* ---- cancelling ---- */

/*
 * Takes PENDING away from whoever set it: 1 if the work was queued or its timer armed (now
 * neither), 0 if it was idle (PENDING now ours), -EAGAIN if someone is between setting
 * PENDING and queueing. On success irqs stay off, their state saved in *flags.
 */
static int try_to_grab_pending(struct work_struct *work, bool is_dwork, unsigned long *flags)
{
    struct worker_pool *pool;
    int cpu;

    local_irq_save(*flags);
    if (is_dwork) {
        struct delayed_work *dwork = to_delayed_work(work);
        if (likely(del_timer(&dwork->timer)))
            return 1;
    }
    if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
        return 0;
    cpu = get_work_pool_cpu(work);
    if (cpu >= 0) {
        pool = &cpu_worker_pools[cpu];
        raw_spin_lock(&pool->lock);
        if (get_work_pool_cpu(work) == cpu && !list_empty(&work->entry)) {
            list_del_init(&work->entry);
            raw_spin_unlock(&pool->lock);
            return 1;
        }
        raw_spin_unlock(&pool->lock);
    }
    local_irq_restore(*flags);
    return -EAGAIN;
}

static void clear_work_pending(struct work_struct *work)
{
    atomic_long_set(&work->data, atomic_long_read(&work->data) & ~WORK_STRUCT_PENDING);
}

static bool __cancel_work_timer(struct work_struct *work, bool is_dwork)
{
    unsigned long flags;
    int ret;

    do {
        ret = try_to_grab_pending(work, is_dwork, &flags);
        if (ret < 0)
            cpu_relax();
    } while (ret < 0);
    local_irq_restore(flags);
    flush_work(work);          /* an instance already running: wait for it */
    clear_work_pending(work);
    return ret;
}

/* Cancels a pending work and waits for a running one; true if it was pending. */
bool cancel_work_sync(struct work_struct *work)
{
    return __cancel_work_timer(work, false);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
    return __cancel_work_timer(&dwork->work, true);
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
    unsigned long flags;
    int ret;

    do {
        ret = try_to_grab_pending(&dwork->work, true, &flags);
    } while (ret == -EAGAIN);
    clear_work_pending(&dwork->work);
    local_irq_restore(flags);
    return ret;
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
    unsigned long flags;
    int ret;

    do {
        ret = try_to_grab_pending(&dwork->work, true, &flags);
    } while (ret == -EAGAIN);
    __queue_delayed_work(cpu, wq, dwork, delay);
    local_irq_restore(flags);
    return ret;
}

struct workqueue_struct *__alloc_workqueue(const char *name, unsigned int flags, int max_active)
{
    struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
    if (!wq)
        return NULL;
    wq->name = name;
    wq->flags = flags;
    return wq;
}

void destroy_workqueue(struct workqueue_struct *wq)
{
    drain_workqueue(wq);
    kfree(wq);
}
