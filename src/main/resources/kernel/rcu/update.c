/*
 * spinlab's model of RCU's update side (kernel/rcu/tree.c, kernel/rcu/update.c), for the
 * non-preemptible RCU the model's readers use (include/linux/rcupdate.h).
 *
 * synchronize_rcu(): a grace period ends when every CPU has passed through a quiescent state.
 * A module's reader runs with preemption disabled, so a CPU that has switched to another
 * task since the grace period began is past every reader it had; the model forces that switch
 * by running a work item on each other CPU's worker and waiting for it, the "run on each CPU"
 * implementation of Documentation/RCU/whatisRCU.rst. It sleeps, as synchronize_rcu() does.
 * The model has one worker per CPU: two works that call synchronize_rcu() on two CPUs at once
 * wait for each other's worker (the kernel would start more workers).
 *
 * call_rcu(): callbacks queue on one list; a work item takes the list, waits for a grace
 * period (which began after every callback on it was queued) and invokes them with bottom
 * halves disabled, as the kernel invokes them from RCU_SOFTIRQ (rcu_do_batch). A callback
 * slot holding a small number is kfree_rcu()'s: the offset of the rcu_head in the object to
 * free (the kernel's __is_kvfree_rcu_offset()).
 */
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/workqueue.h>
#include <linux/spinlock.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/sched.h>

#define KVFREE_RCU_OFFSET_MAX 4096

static DEFINE_SPINLOCK(rcu_cb_lock);
static struct rcu_head *rcu_cb_list;
static struct rcu_head **rcu_cb_tail = &rcu_cb_list;
static int rcu_work_ready;
static struct work_struct rcu_cb_work;

static void rcu_qs_fn(struct work_struct *work)
{
    /* running here is the CPU's quiescent state: its worker was switched to */
}

void synchronize_rcu(void)
{
    struct work_struct qs[NR_CPUS];
    int self;
    int cpu;

    might_sleep();
    /*
     * This CPU is in a quiescent state now (a task that may sleep is in no reader); with one
     * CPU that is the whole grace period, as rcu_blocking_is_gp() says in the kernel. The
     * others are not waited for through this CPU's worker, which may be the caller.
     */
    self = raw_smp_processor_id();
    for_each_online_cpu(cpu) {
        if (cpu == self)
            continue;
        INIT_WORK_ONSTACK(&qs[cpu], rcu_qs_fn);
        queue_work_on(cpu, system_wq, &qs[cpu]);
    }
    for_each_online_cpu(cpu)
        if (cpu != self)
            flush_work(&qs[cpu]);
}

static void rcu_invoke(struct rcu_head *head)
{
    unsigned long offset = (unsigned long)head->func;

    if (offset < KVFREE_RCU_OFFSET_MAX)
        kfree((char *)head - offset);
    else
        head->func(head);
}

/* rcu_do_batch: the callbacks queued so far, after a grace period. */
static void rcu_cb_work_fn(struct work_struct *work)
{
    struct rcu_head *list;
    unsigned long flags;

    spin_lock_irqsave(&rcu_cb_lock, flags);
    list = rcu_cb_list;
    rcu_cb_list = NULL;
    rcu_cb_tail = &rcu_cb_list;
    spin_unlock_irqrestore(&rcu_cb_lock, flags);
    if (!list)
        return;
    synchronize_rcu();
    local_bh_disable();
    while (list) {
        struct rcu_head *next = list->next;

        rcu_invoke(list);
        list = next;
    }
    local_bh_enable();
}

static void rcu_enqueue(struct rcu_head *head)
{
    unsigned long flags;

    spin_lock_irqsave(&rcu_cb_lock, flags);
    if (!rcu_work_ready) {
        INIT_WORK(&rcu_cb_work, rcu_cb_work_fn);
        rcu_work_ready = 1;
    }
    head->next = NULL;
    *rcu_cb_tail = head;
    rcu_cb_tail = &head->next;
    spin_unlock_irqrestore(&rcu_cb_lock, flags);
    schedule_work(&rcu_cb_work);
}

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
    head->func = func;
    rcu_enqueue(head);
}

void __spinlab_kfree_rcu(struct rcu_head *head, unsigned long offset)
{
    head->func = (rcu_callback_t)offset;
    rcu_enqueue(head);
}

void __spinlab_kfree_rcu_mightsleep(const void *ptr)
{
    if (!ptr)
        return;
    synchronize_rcu();
    kfree(ptr);
}

/* Waits until every callback queued before it has been invoked. */
void rcu_barrier(void)
{
    might_sleep();
    while (rcu_work_ready) {
        unsigned long flags;
        int empty;

        flush_work(&rcu_cb_work);
        spin_lock_irqsave(&rcu_cb_lock, flags);
        empty = rcu_cb_list == NULL;
        spin_unlock_irqrestore(&rcu_cb_lock, flags);
        if (empty)
            break;
    }
}

#ifdef CONFIG_PREEMPT_RT
#include <linux/debug_locks.h>

/*
 * PREEMPT_RT implies CONFIG_PREEMPT_RCU: a reader only counts its nesting in the task
 * (kernel/rcu/tree_plugin.h: __rcu_read_lock/__rcu_read_unlock) and may be preempted or, in a
 * sleeping spinlock's wait, block. The count is what __might_resched() checks. Not modelled:
 * synchronize_rcu() does not wait for a reader that was preempted or blocked (it waits for
 * each CPU to switch once, as without PREEMPT_RCU); docs/kernel.md lists this.
 */
void __rcu_read_lock(void)
{
    current->rcu_read_lock_nesting++;
}

void __rcu_read_unlock(void)
{
    struct task_struct *t = current;
    if (DEBUG_LOCKS_WARN_ON(t->rcu_read_lock_nesting == 0))
        return;
    t->rcu_read_lock_nesting--;
}

/*
 * rcu_note_context_switch() (kernel/rcu/tree_plugin.h): a reader may be preempted (or wait
 * for a sleeping spinlock, which counts as a preemption), but must not block voluntarily
 */
void rcu_note_context_switch(bool preempt)
{
    WARN_ONCE(!preempt && current->rcu_read_lock_nesting > 0,
              "Voluntary context switch within RCU read-side critical section!");
}
#endif

/*
 * Lockdep's maps for the three read-side flavours (as kernel/rcu/update.c with
 * CONFIG_DEBUG_LOCK_ALLOC): a reader may start under any lock (outer LD_WAIT_FREE); inside
 * rcu_read_lock() and rcu_read_lock_bh() a lock may wait as a spinlock_t does (PREEMPT_RT makes
 * both preemptible), inside rcu_read_lock_sched() only spin.
 */
static struct lock_class_key rcu_lock_key;
struct lockdep_map rcu_lock_map = {
    .key = &rcu_lock_key, .name = "rcu_read_lock",
    .wait_type_inner = LD_WAIT_CONFIG, .wait_type_outer = LD_WAIT_FREE,
};

static struct lock_class_key rcu_bh_lock_key;
struct lockdep_map rcu_bh_lock_map = {
    .key = &rcu_bh_lock_key, .name = "rcu_read_lock_bh",
    .wait_type_inner = LD_WAIT_CONFIG, .wait_type_outer = LD_WAIT_FREE,
};

static struct lock_class_key rcu_sched_lock_key;
struct lockdep_map rcu_sched_lock_map = {
    .key = &rcu_sched_lock_key, .name = "rcu_read_lock_sched",
    .wait_type_inner = LD_WAIT_SPIN, .wait_type_outer = LD_WAIT_FREE,
};
