/*
 * spinlab's model of kernel/sched/core.c: per-CPU run queues, schedule(), wake-ups,
 * preemption points and the scheduler's debug checks. A round-robin scheduler: the model
 * has no priorities or fair-share accounting, only what locking questions need: who runs,
 * when a CPU can switch, and what happens when it must not.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/debug_locks.h>

struct rq {
    raw_spinlock_t lock;
    struct task_struct *curr;
    struct task_struct *idle;
    struct list_head queue;      /* runnable tasks waiting for this CPU */
    int nr_queued;
    struct task_struct *prev_task;   /* the task this CPU switched away from (switch_to's "last") */
};

struct rq runqueues[NR_CPUS];
int nr_cpu_ids;
int spinlab_preempt_model;       /* 0 none, 1 voluntary, 2 full, 3 rt: set at boot */
int oops_in_progress;
int system_state;                /* SYSTEM_BOOTING (0) until init runs the modules, then SYSTEM_RUNNING (1) */

#define cpu_rq(cpu) (&runqueues[(cpu)])
#define this_rq() cpu_rq(smp_processor_id())

/* The machine's context switch and CPU idling (intrinsics). */
void __switch_to(struct task_struct *prev, struct task_struct *next);
void __wfi(void);
void __send_ipi(int cpu, int irq);

#define IPI_RESCHEDULE 1
#define SCHED_SLICE_TICKS 3

void sched_init_cpu(int cpu, struct task_struct *idle)
{ __PREEMPT_RT_ONLY(rt_sched_init_task(idle, MAX_PRIO);)
    struct rq *rq = cpu_rq(cpu);
    raw_spin_lock_init(&rq->lock);
    INIT_LIST_HEAD(&rq->queue);
    rq->curr = idle;
    rq->idle = idle;
    rq->nr_queued = 0;
    idle->cpu = cpu;
    idle->on_rq = 1;
    idle->on_cpu = 1;
    raw_spin_lock_init(&idle->pi_lock);
}

/* CONFIG_DEBUG_PREEMPT: preempt_count arithmetic that refuses to underflow, with a warning. */
void preempt_count_add(int val)
{
    __preempt_count_add(val);
}

void preempt_count_sub(int val)
{
    if (DEBUG_LOCKS_WARN_ON(val > preempt_count()))
        return;
    __preempt_count_sub(val);
}

int need_resched(void)
{
    return current->need_resched;
}

void set_tsk_need_resched(struct task_struct *p)
{
    p->need_resched = 1;
}

int should_resched(int preempt_offset)
{
    return preempt_count() == preempt_offset && current->need_resched;
}

static void __schedule_bug(struct task_struct *prev)
{
    if (oops_in_progress)
        return;
    char head[96];
    snprintf(head, sizeof(head), "BUG: scheduling while atomic: %s/%d/0x%08x", prev->comm, prev->pid,
             preempt_count());
    printk(KERN_ERR "%s\n", head);
    debug_show_held_locks(prev);
    if (irqs_disabled())
        print_irqtrace_events(prev);
    dump_stack();
    add_taint_warn();
    __spinlab_finding("scheduling-while-atomic", head, SPINLAB_FINDING_HERE);
}

static void schedule_debug(struct task_struct *prev, int preempt)
{ __PREEMPT_RT_ONLY(rt_schedule_debug(prev, preempt); return;)
    if (in_atomic_preempt_off()) {
        __schedule_bug(prev);
        preempt_count_set(PREEMPT_DISABLED);
    }
}

static void enqueue_task(struct rq *rq, struct task_struct *p)
{ __PREEMPT_RT_ONLY(rt_enqueue_task(rq, p); return;)
    list_add_tail(&p->run_list, &rq->queue);
    rq->nr_queued++;
    p->on_rq = 1;
}

static struct task_struct *dequeue_first(struct rq *rq)
{
    struct task_struct *p = list_first_entry(&rq->queue, struct task_struct, run_list);
    list_del_init(&p->run_list);
    rq->nr_queued--;
    return p;
}

/*
 * Idle balancing: a CPU with nothing to run pulls a task waiting on a busy CPU's queue, as
 * newidle and tick load balancing do, so no task is stranded behind a CPU that cannot switch.
 * The other queue's lock is only tried: holding our own, blocking on another would risk ABBA.
 */
static struct task_struct *pull_task(struct rq *rq, int this_cpu)
{ __PREEMPT_RT_ONLY(return rt_pull_task(rq, this_cpu);)
    int cpu;
    for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
        struct rq *src = cpu_rq(cpu);
        struct task_struct *p;
        if (cpu == this_cpu || src->nr_queued == 0)
            continue;
        if (!raw_spin_trylock(&src->lock))
            continue;
        /* the queue is only looked at under its lock: unlocked, it may empty under us */
        if (src->nr_queued == 0 ||
            (list_first_entry(&src->queue, struct task_struct, run_list)->flags & PF_NO_SETAFFINITY)) {
            raw_spin_unlock(&src->lock);
            continue;
        }
        p = dequeue_first(src);
        p->cpu = this_cpu;
        raw_spin_unlock(&src->lock);
        return p;
    }
    return NULL;
}

static struct task_struct *pick_next_task(struct rq *rq, int this_cpu)
{
    struct task_struct *p;
    if (rq->nr_queued > 0)
        return dequeue_first(rq);
    p = pull_task(rq, this_cpu);
    if (p)
        return p;
    return rq->idle;
}

/*
 * Runs on next's stack after the switch. prev is the task this CPU switched away from, as the
 * kernel's switch_to(prev, next, last) hands it over: once its on_cpu is cleared (finish_task()),
 * a waker on another CPU may queue it and another CPU may run it.
 */
static void finish_task_switch(void)
{ __PREEMPT_RT_ONLY(rt_restore_softirq_cnt();)
    struct rq *rq = this_rq();
    struct task_struct *prev = rq->prev_task;
    rq->lock.owner = current;   /* the lock was taken by prev and is released by next */
    rq->lock.owner_cpu = smp_processor_id();
    /* finish_lock_switch: the lock is next's now, for lockdep too */
    spin_acquire(&rq->lock.dep_map, 0, 0, _THIS_IP_);
    if (prev)
        prev->on_cpu = 0;
    rq->prev_task = NULL;
    raw_spin_unlock_irq(&rq->lock);
}

/* The first thing a new task runs (ret_from_fork): complete the switch that started it. */
void schedule_tail(struct task_struct *prev)
{
    finish_task_switch();
    preempt_enable();
}

static void __schedule(int preempt)
{
    struct task_struct *prev = current;
    struct task_struct *next;
    int cpu = smp_processor_id();
    struct rq *rq = cpu_rq(cpu);

    schedule_debug(prev, preempt);
    local_irq_disable();
    raw_spin_lock(&rq->lock);
    prev->need_resched = 0;

    if (!preempt && prev->__state != TASK_RUNNING) {
        prev->on_rq = 0;
    } else if (prev != rq->idle) {
        enqueue_task(rq, prev);
    }
    next = pick_next_task(rq, cpu);
    if (next == prev) {           /* prev was the only runnable task: it keeps the CPU */ __PREEMPT_RT_ONLY(rt_restore_softirq_cnt();)
        raw_spin_unlock_irq(&rq->lock);
        return;
    }
    next->cpu = cpu;
    next->on_rq = 1;
    next->on_cpu = 1;
    if (next != rq->idle)         /* the idle task has no slice: scheduler_tick never reads it */
        next->slice_start = jiffies;
    rq->curr = next;
    rq->prev_task = prev;
    rq->lock.owner = next;
    /* prepare_lock_switch: prev hands the run-queue lock to next; lockdep sees prev release it */
    spin_release(&rq->lock.dep_map, _THIS_IP_);
    __switch_to(prev, next);
    /* here again when some CPU switches back to prev */
    finish_task_switch();
}

void schedule(void)
{
    preempt_disable();
    __schedule(0);
    sched_preempt_enable_no_resched();
}

/* For sleeping locks that hold preemption off around their slow path (mutex.c). */
void schedule_preempt_disabled(void)
{
    sched_preempt_enable_no_resched();
    schedule();
    preempt_disable();
}

void preempt_schedule(void)
{
    if (preempt_count() != 0 || irqs_disabled())
        return;
    do {
        preempt_disable();
        __schedule(1);
        preempt_enable_no_resched();
    } while (need_resched());
}

/* Called on return from an interrupt to a preemptible context (CONFIG_PREEMPTION). */
void preempt_schedule_irq(void)
{
    do {
        preempt_disable();
        local_irq_enable();
        __schedule(1);
        local_irq_disable();
        sched_preempt_enable_no_resched();
    } while (need_resched());
}

void preempt_enable(void)
{
    barrier();
    preempt_count_sub(1);
    if (spinlab_preempt_model >= 2 && should_resched(0))
        preempt_schedule();
}

void preempt_check_resched(void)
{
    if (spinlab_preempt_model >= 2 && should_resched(0))
        preempt_schedule();
}

int _cond_resched(void)
{
    if (should_resched(0)) {
        preempt_disable();
        __schedule(1);
        preempt_enable_no_resched();
        return 1;
    }
    return 0;
}

static int select_task_rq(struct task_struct *p)
{
    int cpu;
    struct rq *rq = cpu_rq(p->cpu);
    if (p->flags & PF_NO_SETAFFINITY)
        return p->cpu;
    if (rq->curr == rq->idle && rq->nr_queued == 0)
        return p->cpu;
    for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
        struct rq *o = cpu_rq(cpu);
        if (o->curr == o->idle && o->nr_queued == 0)
            return cpu;
    }
    return p->cpu;
}

static void resched_curr(struct rq *rq, int cpu)
{
    set_tsk_need_resched(rq->curr);
    if (cpu != smp_processor_id())
        smp_send_reschedule(cpu);
}

/* task_rq_lock(): the run queue of a task that may move between CPUs while we try. */
static struct rq *task_rq_lock(struct task_struct *p)
{
    struct rq *rq;
    for (;;) {
        rq = cpu_rq(p->cpu);
        raw_spin_lock(&rq->lock);
        if (rq == cpu_rq(p->cpu))
            return rq;
        raw_spin_unlock(&rq->lock);
    }
}

/*
 * try_to_wake_up(), as in the kernel: p->pi_lock serialises wakers of one task; a task still
 * on a run queue (running, or about to sleep but not yet switched out) only gets its state set
 * back to TASK_RUNNING under its run queue's lock, which __schedule() holds while it decides to
 * dequeue; a dequeued task is queued again only after its CPU has switched away from it
 * (p->on_cpu), so one task never runs on two CPUs at once.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state)
{ __PREEMPT_RT_ONLY(return rt_try_to_wake_up(p, state);)
    unsigned long flags;
    struct rq *rq;
    int cpu;
    int success = 0;

    raw_spin_lock_irqsave(&p->pi_lock, flags);
    if (!(p->__state & state))
        goto out;
    success = 1;
    rq = task_rq_lock(p);
    if (p->on_rq) {                       /* ttwu_runnable() */
        p->__state = TASK_RUNNING;
        raw_spin_unlock(&rq->lock);
        goto out;
    }
    raw_spin_unlock(&rq->lock);
    while (READ_ONCE(p->on_cpu))          /* smp_cond_load_acquire(&p->on_cpu, !VAL) */
        cpu_relax();
    cpu = select_task_rq(p);
    rq = cpu_rq(cpu);
    raw_spin_lock(&rq->lock);
    p->__state = TASK_RUNNING;
    /* not running anywhere and not queued: it sleeps, so it may move to the chosen CPU */
    p->cpu = cpu;
    enqueue_task(rq, p);
    if (rq->curr == rq->idle || spinlab_preempt_model > 0)
        resched_curr(rq, cpu);
    raw_spin_unlock(&rq->lock);
out:
    raw_spin_unlock_irqrestore(&p->pi_lock, flags);
    return success;
}

int wake_up_process(struct task_struct *p)
{
    return try_to_wake_up(p, TASK_NORMAL);
}

int wake_up_state(struct task_struct *p, unsigned int state)
{
    return try_to_wake_up(p, state);
}

/* Makes a new task runnable for the first time. */
void wake_up_new_task(struct task_struct *p)
{
    p->__state = TASK_UNINTERRUPTIBLE;
    p->on_rq = 0;
    wake_up_process(p);
}

void smp_send_reschedule(int cpu)
{
    __send_ipi(cpu, IPI_RESCHEDULE);
}

/* The reschedule IPI's handler: nothing to do but let the interrupt return path notice. */
void scheduler_ipi(void)
{
}

/* From the tick: a task that has had its slice while others wait is asked to yield. */
void scheduler_tick(void)
{ __PREEMPT_RT_ONLY(if (rt_tick_no_slice()) return;)
    struct rq *rq = this_rq();
    struct task_struct *curr = rq->curr;
    int cpu = smp_processor_id();
    int other;

    if (curr == rq->idle) {
        for (other = 0; other < nr_cpu_ids; other++) {
            if (other != cpu && cpu_rq(other)->nr_queued > 0) {
                set_tsk_need_resched(curr);
                break;
            }
        }
        return;
    }
    if (rq->nr_queued > 0 && jiffies - curr->slice_start >= SCHED_SLICE_TICKS)
        set_tsk_need_resched(curr);
}

void __might_sleep(const char *file, int line)
{ __PREEMPT_RT_ONLY(__might_resched(file, line, 0); return;)
    if (preempt_count() == 0 && !irqs_disabled())
        return;
    if (oops_in_progress || system_state == 0)
        return;
    char head[160];
    snprintf(head, sizeof(head), "BUG: sleeping function called from invalid context at %s:%d", file, line);
    printk(KERN_ERR "%s\n", head);
    printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
           preempt_count() != 0, irqs_disabled() ? 1 : 0, 0, current->pid, current->comm);
    printk(KERN_ERR "preempt_count: %x, expected: %x\n", preempt_count(), 0);
    debug_show_held_locks(current);
    if (irqs_disabled())
        print_irqtrace_events(current);
    dump_stack();
    add_taint_warn();
    __spinlab_finding("sleep-in-atomic", head, SPINLAB_FINDING_HERE);
}

/* The model has no signals: nothing ever interrupts an interruptible sleep. */
int signal_pending(struct task_struct *p)
{
    return 0;
}

int signal_pending_state(unsigned int state, struct task_struct *p)
{
    if (!(state & TASK_INTERRUPTIBLE))
        return 0;
    return signal_pending(p);
}

void yield(void)
{
    set_tsk_need_resched(current);
    schedule();
}

/*
 * The idle loop of every CPU (kernel/sched/idle.c: do_idle): run whatever becomes runnable,
 * otherwise wait for an interrupt. As in do_idle, need_resched is checked again with
 * interrupts masked before wfi (which a pending interrupt wakes even while masked): an
 * interrupt that wakes a task between the check and the wfi would otherwise be lost until
 * some later interrupt.
 */
void cpu_idle_loop(void)
{
    while (1) {
        while (!need_resched()) {
            local_irq_disable();
            if (!need_resched())
                __wfi();
            local_irq_enable();
        }
        schedule();
    }
}

#ifdef CONFIG_PREEMPT_RT
/*
 * ---- PREEMPT_RT (--preempt rt) ----
 *
 * Priorities: SCHED_FIFO tasks (the irq threads, at MAX_RT_PRIO / 2 as sched_set_fifo()
 * gives them) run before SCHED_NORMAL ones; a run queue is kept in priority order (equal
 * priorities in arrival order: round robin among normal tasks, FIFO among real-time ones); a
 * woken task preempts a lower-priority one; a real-time task has no time slice. Priority
 * inheritance (rt_mutex_setprio) changes a task's effective prio and its place in the queue.
 * The bottom-half-disabled count a task carries (RT's current->softirq_disable_cnt) is kept in
 * the CPU's preempt_count while the task runs, so lockdep and in_softirq() see it, and set
 * aside while it is switched out: under RT a bh-disabled section may sleep.
 */
void rt_sched_init_task(struct task_struct *p, int prio)
{
    p->policy = SCHED_NORMAL;
    p->prio = prio;
    p->normal_prio = prio;
    p->rt_priority = 0;
    INIT_LIST_HEAD(&p->pi_waiters);
    p->pi_blocked_on = NULL;
    p->saved_state = TASK_RUNNING;
    p->migration_disabled = 0;
    p->rcu_read_lock_nesting = 0;
    p->softirq_disable_cnt = 0;
}

/* enqueue_task_rt/fair reduced to one list: after every task of the same or higher priority */
void rt_enqueue_task(struct rq *rq, struct task_struct *p)
{
    struct task_struct *t;
    list_for_each_entry(t, &rq->queue, run_list) {
        if (t->prio > p->prio) {
            list_add_tail(&p->run_list, &t->run_list);
            rq->nr_queued++;
            p->on_rq = 1;
            return;
        }
    }
    list_add_tail(&p->run_list, &rq->queue);
    rq->nr_queued++;
    p->on_rq = 1;
}

/* pull_task() that leaves per-CPU threads and tasks in a migrate_disable() section where they are */
struct task_struct *rt_pull_task(struct rq *rq, int this_cpu)
{
    int cpu;
    for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
        struct rq *src = cpu_rq(cpu);
        struct task_struct *p;
        if (cpu == this_cpu || src->nr_queued == 0)
            continue;
        if (!raw_spin_trylock(&src->lock))
            continue;
        if (src->nr_queued == 0) {
            raw_spin_unlock(&src->lock);
            continue;
        }
        p = list_first_entry(&src->queue, struct task_struct, run_list);
        if ((p->flags & PF_NO_SETAFFINITY) || p->migration_disabled) {
            raw_spin_unlock(&src->lock);
            continue;
        }
        p = dequeue_first(src);
        p->cpu = this_cpu;
        raw_spin_unlock(&src->lock);
        return p;
    }
    return NULL;
}

/*
 * schedule_debug() under RT: the preempt count RT keeps has no softirq part (that is
 * current->softirq_disable_cnt), so a task may sleep in a bh-disabled section; set its
 * share aside until it runs again (rt_restore_softirq_cnt)
 */
void rcu_note_context_switch(bool preempt);

void rt_schedule_debug(struct task_struct *prev, int preempt)
{
    int cnt = preempt_count() & SOFTIRQ_MASK;
    /* a sleeping spinlock's wait counts as a preemption (__schedule's SM_RTLOCK_WAIT) */
    rcu_note_context_switch(preempt || prev->__state == TASK_RTLOCK_WAIT);
    prev->softirq_disable_cnt = cnt;
    if (cnt)
        __preempt_count_sub(cnt);
    if (in_atomic_preempt_off()) {
        __schedule_bug(prev);
        preempt_count_set(PREEMPT_DISABLED);
    }
}

void rt_restore_softirq_cnt(void)
{
    struct task_struct *p = current;
    if (p->softirq_disable_cnt) {
        __preempt_count_add(p->softirq_disable_cnt);
        p->softirq_disable_cnt = 0;
    }
}

/* check_preempt_curr(): a woken task preempts a lower-priority one (normal tasks: as before) */
static int rt_wakeup_preempts(struct rq *rq, struct task_struct *p)
{
    struct task_struct *curr = rq->curr;
    if (curr == rq->idle)
        return 1;
    if (p->prio < curr->prio)
        return 1;
    return p->prio >= MAX_RT_PRIO && curr->prio >= MAX_RT_PRIO;
}

static int rt_select_task_rq(struct task_struct *p)
{
    if (p->migration_disabled)
        return p->cpu;
    return select_task_rq(p);
}

/*
 * try_to_wake_up() under RT: ttwu_state_match() also looks at the state a task blocked on a
 * sleeping spinlock has saved (a wake-up meant for that state is remembered, the lock wait
 * goes on); the woken task preempts only a lower-priority one.
 */
int rt_try_to_wake_up(struct task_struct *p, unsigned int state)
{
    unsigned long flags;
    struct rq *rq;
    int cpu;
    int success = 0;

    raw_spin_lock_irqsave(&p->pi_lock, flags);
    if (!(p->__state & state)) {
        if (p->saved_state & state) {
            p->saved_state = TASK_RUNNING;
            success = 1;
        }
        goto out;
    }
    success = 1;
    rq = task_rq_lock(p);
    if (p->on_rq) {
        p->__state = TASK_RUNNING;
        raw_spin_unlock(&rq->lock);
        goto out;
    }
    raw_spin_unlock(&rq->lock);
    while (READ_ONCE(p->on_cpu))
        cpu_relax();
    cpu = rt_select_task_rq(p);
    rq = cpu_rq(cpu);
    raw_spin_lock(&rq->lock);
    p->__state = TASK_RUNNING;
    p->cpu = cpu;
    enqueue_task(rq, p);
    if (rt_wakeup_preempts(rq, p))
        resched_curr(rq, cpu);
    raw_spin_unlock(&rq->lock);
out:
    raw_spin_unlock_irqrestore(&p->pi_lock, flags);
    return success;
}

/* task_tick_rt(): SCHED_FIFO has no time slice (nor has a task boosted into the RT range) */
int rt_tick_no_slice(void)
{
    struct rq *rq = this_rq();
    return rq->curr != rq->idle && rq->curr->prio < MAX_RT_PRIO;
}

/* rt_mutex_setprio(): a priority-inheritance boost or its end; requeue, preempt if it now wins */
void rt_mutex_setprio(struct task_struct *p, int prio)
{
    unsigned long flags;
    struct rq *rq;
    int cpu;

    raw_spin_lock_irqsave(&p->pi_lock, flags);
    rq = task_rq_lock(p);
    cpu = p->cpu;
    if (p->prio != prio) {
        p->prio = prio;
        if (rq->curr == p) {
            if (!list_empty(&rq->queue) &&
                list_first_entry(&rq->queue, struct task_struct, run_list)->prio < prio)
                resched_curr(rq, cpu);
        } else if (p->on_rq && !list_empty(&p->run_list)) {
            list_del_init(&p->run_list);
            rq->nr_queued--;
            enqueue_task(rq, p);
            if (rt_wakeup_preempts(rq, p) && rq->curr->prio > prio)
                resched_curr(rq, cpu);
        }
    }
    raw_spin_unlock(&rq->lock);
    raw_spin_unlock_irqrestore(&p->pi_lock, flags);
}

/* sched_set_fifo(): SCHED_FIFO at MAX_RT_PRIO / 2, what the kernel gives its irq threads */
int sched_set_fifo(struct task_struct *p)
{
    p->policy = SCHED_FIFO;
    p->rt_priority = MAX_RT_PRIO / 2;
    p->normal_prio = MAX_RT_PRIO - 1 - p->rt_priority;
    rt_mutex_setprio(p, p->normal_prio);
    return 0;
}

/*
 * migrate_disable()/migrate_enable(): the task stays on this CPU (neither pulled by an idle
 * CPU nor woken elsewhere) but may be preempted; the sleeping spinlocks hold it across their
 * critical section instead of disabling preemption.
 */
void migrate_disable(void)
{
    current->migration_disabled++;
}

void migrate_enable(void)
{
    struct task_struct *p = current;
    if (DEBUG_LOCKS_WARN_ON(p->migration_disabled == 0))
        return;
    p->migration_disabled--;
}

/*
 * __might_resched() (kernel/sched/core.c, CONFIG_DEBUG_ATOMIC_SLEEP): offsets holds the
 * expected preempt count and, above MIGHT_RESCHED_RCU_SHIFT, the expected RCU read-side
 * nesting; with CONFIG_PREEMPT_RCU the report says both. A sleeping spinlock is taken with
 * the RCU nesting its caller already has (rtlock_might_resched), while might_sleep() expects
 * none: a spinlock_t section that sleeps is still reported under RT ("RCU nest depth: 1,
 * expected: 0"), though the sleep itself is harmless to the scheduler there.
 */
void __might_resched(const char *file, int line, unsigned int offsets)
{
    int pc = preempt_count() & ~SOFTIRQ_MASK;   /* RT's preempt_count() has no softirq part */
    int rcu = current->rcu_read_lock_nesting;
    if (pc + (rcu << MIGHT_RESCHED_RCU_SHIFT) == offsets && !irqs_disabled())
        return;
    static unsigned long prev_jiffy;    /* ratelimiting: one report a second, as upstream */
    if (oops_in_progress || system_state == 0)
        return;
    if (prev_jiffy && time_before(jiffies, prev_jiffy + HZ))
        return;
    prev_jiffy = jiffies;
    char head[160];
    snprintf(head, sizeof(head), "BUG: sleeping function called from invalid context at %s:%d", file, line);
    printk(KERN_ERR "%s\n", head);
    printk(KERN_ERR "in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
           pc != 0, irqs_disabled() ? 1 : 0, 0, current->pid, current->comm);
    printk(KERN_ERR "preempt_count: %x, expected: %x\n", pc, offsets & MIGHT_RESCHED_PREEMPT_MASK);
    printk(KERN_ERR "RCU nest depth: %d, expected: %u\n", rcu, offsets >> MIGHT_RESCHED_RCU_SHIFT);
    debug_show_held_locks(current);
    if (irqs_disabled())
        print_irqtrace_events(current);
    dump_stack();
    add_taint_warn();
    __spinlab_finding("sleep-in-atomic", head, SPINLAB_FINDING_HERE);
}
#endif
