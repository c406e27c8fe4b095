/*
 * spinlab's model of kernel/softirq.c: bottom halves. The order of operations follows the
 * kernel exactly, because it is what the seeds are about: local_bh_enable() leaves one
 * preempt count while it runs pending softirqs in the caller's own context (so a ping to
 * 127.0.0.1 receives inside the sender's local_bh_enable), and irq_exit() runs them at the
 * end of the outermost hardirq unless the interrupted context had bottom halves disabled.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/printk.h>
#include <linux/lockdep.h>

#define MAX_SOFTIRQ_TIME 2          /* jiffies: msecs_to_jiffies(2) with HZ=100 rounds up to 1; the kernel's 2 ms */
#define MAX_SOFTIRQ_RESTART 10

int __builtin_ctz(unsigned int x);   /* gcc's builtin, an intrinsic of the model */

static struct softirq_action softirq_vec[NR_SOFTIRQS];
/*
 * Each CPU's pending mask in a cache line of its own, as the kernel's per-CPU irq_stat
 * (____cacheline_aligned): per-CPU data of two CPUs never shares a line, or a word.
 */
typedef struct {
    unsigned int __softirq_pending;
    unsigned int __pad[15];
} irq_cpustat_t;
static irq_cpustat_t irq_stat[NR_CPUS];
struct task_struct *ksoftirqd[NR_CPUS];

const char *const softirq_to_name[NR_SOFTIRQS] = {
    "HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU"
};

unsigned int local_softirq_pending(void)
{
    return irq_stat[smp_processor_id()].__softirq_pending;
}

static void set_softirq_pending(unsigned int x)
{
    irq_stat[smp_processor_id()].__softirq_pending = x;
}

void __local_bh_disable_ip(unsigned long ip, unsigned int cnt)
{ __PREEMPT_RT_ONLY(rt_local_bh_disable_ip(ip, cnt); return;)
    __preempt_count_add(cnt);
    /* Were softirqs turned off above: */
    if (softirq_count() == (cnt & SOFTIRQ_MASK))
        lockdep_softirqs_off(ip);
    barrier();
}

/* Drops the bh count without running pending softirqs (used by softirq code itself). */
static void __local_bh_enable(unsigned int cnt)
{
    __preempt_count_sub(cnt);
}

void _local_bh_enable(void)
{
    __local_bh_enable(SOFTIRQ_DISABLE_OFFSET);
}

void __local_bh_enable_ip(unsigned long ip, unsigned int cnt)
{ __PREEMPT_RT_ONLY(rt_local_bh_enable_ip(ip, cnt); return;)
    WARN_ON_ONCE(in_hardirq());
    local_irq_disable();
    /* Are softirqs going to be turned on now: */
    if (softirq_count() == SOFTIRQ_DISABLE_OFFSET)
        lockdep_softirqs_on(ip);
    /* Keep preemption disabled until we are done with softirq processing. */
    __preempt_count_sub(cnt - 1);
    if (!in_interrupt() && local_softirq_pending())
        do_softirq();
    preempt_count_dec();
    local_irq_enable();
    preempt_check_resched();
}

void local_bh_enable(void)
{
    __local_bh_enable_ip(_RET_IP_, SOFTIRQ_DISABLE_OFFSET);
}

static void wakeup_softirqd(void)
{
    struct task_struct *tsk = ksoftirqd[smp_processor_id()];
    if (tsk)
        wake_up_process(tsk);
}

void __do_softirq(void)
{
    unsigned long end = jiffies + MAX_SOFTIRQ_TIME;
    int max_restart = MAX_SOFTIRQ_RESTART;
    unsigned int pending = local_softirq_pending();

    __local_bh_disable_ip(0, SOFTIRQ_OFFSET);
restart:
    set_softirq_pending(0);
    local_irq_enable();
    while (pending) {
        int nr = __builtin_ctz(pending);
        int prev_count = preempt_count();
        pending &= ~(1U << nr);
        if (softirq_vec[nr].action)
            softirq_vec[nr].action(&softirq_vec[nr]);
        if (prev_count != preempt_count()) {
            pr_err("huh, entered softirq %u %s %p with preempt_count %08x, exited with %08x?\n",
                   nr, softirq_to_name[nr], softirq_vec[nr].action, prev_count, preempt_count());
            preempt_count_set(prev_count);
        }
    }
    local_irq_disable();
    pending = local_softirq_pending();
    if (pending) {
        if (time_before(jiffies, end) && !need_resched() && --max_restart)
            goto restart;
        wakeup_softirqd();
    }
    __local_bh_enable(SOFTIRQ_OFFSET);
    WARN_ON_ONCE(in_interrupt());
}

void do_softirq(void)
{
    unsigned long flags;
    if (in_interrupt())
        return;
    local_irq_save(flags);
    if (local_softirq_pending())
        __do_softirq();
    local_irq_restore(flags);
}

void irq_enter(void)
{
    preempt_count_add(HARDIRQ_OFFSET);
    lockdep_hardirq_enter();
}

static void invoke_softirq(void)
{ __PREEMPT_RT_ONLY(wakeup_softirqd(); return;)
    __do_softirq();
}

void irq_exit(void)
{
    local_irq_disable();
    preempt_count_sub(HARDIRQ_OFFSET);
    lockdep_hardirq_exit();
    if (!in_interrupt() && local_softirq_pending())
        invoke_softirq();
}

void __raise_softirq_irqoff(unsigned int nr)
{
    irq_stat[smp_processor_id()].__softirq_pending |= 1U << nr;
}

void raise_softirq_irqoff(unsigned int nr)
{
    __raise_softirq_irqoff(nr);
    if (!in_interrupt())
        wakeup_softirqd();
}

void raise_softirq(unsigned int nr)
{
    unsigned long flags;
    local_irq_save(flags);
    raise_softirq_irqoff(nr);
    local_irq_restore(flags);
}

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
    softirq_vec[nr].action = action;
}

/* ksoftirqd/N: runs softirqs in task context when they are raised outside interrupts or keep coming. */
int run_ksoftirqd(void *data)
{ __PREEMPT_RT_ONLY(return rt_run_ksoftirqd(data);)
    while (1) {
        set_current_state(TASK_INTERRUPTIBLE);
        if (!local_softirq_pending()) {
            schedule();
            continue;
        }
        __set_current_state(TASK_RUNNING);
        local_irq_disable();
        if (local_softirq_pending()) {
            __do_softirq();
            local_irq_enable();
            _cond_resched();
            continue;
        }
        local_irq_enable();
    }
    return 0;
}

/* ---- tasklets: one list per CPU and priority; a tasklet never runs on two CPUs at once ---- */

struct tasklet_head {
    struct tasklet_struct *head;
    struct tasklet_struct **tail;
};

static struct tasklet_head tasklet_vec[NR_CPUS];
static struct tasklet_head tasklet_hi_vec[NR_CPUS];

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
    t->next = NULL;
    t->state = 0;
    atomic_set(&t->count, 0);
    t->func = func;
    t->use_callback = false;
    t->data = data;
}

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
    t->next = NULL;
    t->state = 0;
    atomic_set(&t->count, 0);
    t->callback = callback;
    t->use_callback = true;
    t->data = 0;
}

static void __tasklet_schedule_common(struct tasklet_struct *t, struct tasklet_head *heads, unsigned int nr)
{
    unsigned long flags;
    struct tasklet_head *head;
    local_irq_save(flags);
    head = &heads[smp_processor_id()];
    if (head->tail == NULL)
        head->tail = &head->head;
    t->next = NULL;
    *head->tail = t;
    head->tail = &t->next;
    raise_softirq_irqoff(nr);
    local_irq_restore(flags);
}

unsigned long __spinlab_test_and_set_bit(int nr, volatile unsigned long *addr);
void __spinlab_clear_bit(int nr, volatile unsigned long *addr);

void tasklet_schedule(struct tasklet_struct *t)
{
    if (!__spinlab_test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
        __tasklet_schedule_common(t, tasklet_vec, TASKLET_SOFTIRQ);
}

void tasklet_hi_schedule(struct tasklet_struct *t)
{
    if (!__spinlab_test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
        __tasklet_schedule_common(t, tasklet_hi_vec, HI_SOFTIRQ);
}

/* clears SCHED before the run, so the tasklet may be scheduled again while it runs */
static bool tasklet_clear_sched(struct tasklet_struct *t)
{
    if (test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
        return true;
    WARN_ONCE(1, "tasklet_clear_sched: BUG %s: %ps: sched bit not set\n",
              t->use_callback ? "callback" : "func",
              t->use_callback ? (void *)t->callback : (void *)t->func);
    return false;
}

static void tasklet_action_common(struct tasklet_head *tl_head, unsigned int softirq_nr)
{
    struct tasklet_struct *list;
    struct tasklet_head *head = &tl_head[smp_processor_id()];

    local_irq_disable();
    list = head->head;
    head->head = NULL;
    head->tail = &head->head;
    local_irq_enable();

    while (list) {
        struct tasklet_struct *t = list;
        list = list->next;
        /* tasklet_trylock(): one tasklet never runs on two CPUs at once */
        if (!__spinlab_test_and_set_bit(TASKLET_STATE_RUN, &t->state)) {
            if (!atomic_read(&t->count)) {
                if (tasklet_clear_sched(t)) {
                    if (t->use_callback)
                        t->callback(t);
                    else
                        t->func(t->data);
                }
                __spinlab_clear_bit(TASKLET_STATE_RUN, &t->state);
                continue;
            }
            __spinlab_clear_bit(TASKLET_STATE_RUN, &t->state);   /* disabled: try again later */
        }
        /* running on another CPU, or disabled: requeue it here and try again later */
        local_irq_disable();
        t->next = NULL;
        *head->tail = t;
        head->tail = &t->next;
        __raise_softirq_irqoff(softirq_nr);
        local_irq_enable();
    }
}

static void tasklet_action(struct softirq_action *a)
{
    tasklet_action_common(tasklet_vec, TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(struct softirq_action *a)
{
    tasklet_action_common(tasklet_hi_vec, HI_SOFTIRQ);
}

void tasklet_disable_nosync(struct tasklet_struct *t)
{
    atomic_inc(&t->count);
    smp_mb__after_atomic();
}

/* the kernel waits with wait_var_event() (a sleep); the model yields the CPU until it is done */
void tasklet_unlock_wait(struct tasklet_struct *t)
{
    might_sleep();
    while (test_bit(TASKLET_STATE_RUN, &t->state))
        yield();
}

void tasklet_unlock_spin_wait(struct tasklet_struct *t)
{
    while (test_bit(TASKLET_STATE_RUN, &t->state))
        cpu_relax();
}

void tasklet_disable(struct tasklet_struct *t)
{
    tasklet_disable_nosync(t);
    tasklet_unlock_wait(t);
    smp_mb();
}

void tasklet_disable_in_atomic(struct tasklet_struct *t)
{
    tasklet_disable_nosync(t);
    tasklet_unlock_spin_wait(t);
    smp_mb();
}

void tasklet_enable(struct tasklet_struct *t)
{
    smp_mb__before_atomic();
    atomic_dec(&t->count);
}

void tasklet_kill(struct tasklet_struct *t)
{
    if (in_interrupt())
        pr_notice("Attempt to kill tasklet from interrupt\n");
    while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state)) {
        might_sleep();
        while (test_bit(TASKLET_STATE_SCHED, &t->state))
            yield();
    }
    tasklet_unlock_wait(t);
    tasklet_clear_sched(t);
}

void softirq_init(void)
{ __PREEMPT_RT_ONLY(rt_softirq_init();)
    open_softirq(TASKLET_SOFTIRQ, tasklet_action);
    open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}

#ifdef CONFIG_PREEMPT_RT
#include <linux/spinlock.h>

/*
 * ---- PREEMPT_RT (kernel/softirq.c's CONFIG_PREEMPT_RT half) ----
 *
 * Bottom halves are a per-CPU sleeping lock: the first local_bh_disable() of a task takes
 * this CPU's softirq_ctrl.lock (a local_lock_t, which under RT is a spinlock_t) and enters an
 * RCU read-side section, so a bh-disabled section is preemptible and another task's
 * local_bh_disable() on the CPU waits for it (with priority inheritance). Softirqs run in
 * task context only: at the local_bh_enable() that ends the outermost section (the end of a
 * threaded interrupt handler is one), or in ksoftirqd, which irq_exit() wakes instead of
 * running them. The count itself is kept in the preempt_count's softirq bits while the task
 * runs (kernel/sched/core.c sets it aside at a switch), where upstream RT keeps it in
 * current->softirq_disable_cnt.
 */
struct softirq_ctrl {
    spinlock_t lock;
};
static struct softirq_ctrl softirq_ctrl[NR_CPUS];

void __rcu_read_lock(void);
void __rcu_read_unlock(void);

void rt_softirq_init(void)
{
    static struct lock_class_key softirq_ctrl_key;
    int cpu;
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        __rt_mutex_base_init(&softirq_ctrl[cpu].lock.lock);
        __rt_spin_lock_init(&softirq_ctrl[cpu].lock, "softirq_ctrl.lock", &softirq_ctrl_key, true);
    }
}

/* preemptible() of RT's preempt_count, which has no softirq part */
static int rt_preemptible(void)
{
    return (preempt_count() & ~SOFTIRQ_MASK) == 0 && !irqs_disabled();
}

void rt_local_bh_disable_ip(unsigned long ip, unsigned int cnt)
{
    WARN_ON_ONCE(in_hardirq());
    /* First entry of a task into a BH disabled section? */
    if (!softirq_count() && rt_preemptible()) {
        migrate_disable();      /* local_lock(&softirq_ctrl.lock) */
        spin_lock(&softirq_ctrl[smp_processor_id()].lock);
        /* Required to meet the RCU bottomhalf requirements. */
        __rcu_read_lock();
    }
    __preempt_count_add(cnt);
    if (softirq_count() == (cnt & SOFTIRQ_MASK))
        lockdep_softirqs_off(ip);
}

static void rt_local_bh_enable(unsigned int cnt, int unlock)
{
    if (cnt == softirq_count())
        lockdep_softirqs_on(_RET_IP_);
    __preempt_count_sub(cnt);
    if (!softirq_count() && unlock) {
        __rcu_read_unlock();
        spin_unlock(&softirq_ctrl[smp_processor_id()].lock);
        migrate_enable();       /* local_unlock(&softirq_ctrl.lock) */
    }
}

/* handle_softirqs() in task context: irqs off on entry, the count at SOFTIRQ_OFFSET */
static void rt_handle_softirqs(void)
{
    unsigned long end = jiffies + MAX_SOFTIRQ_TIME;
    int max_restart = MAX_SOFTIRQ_RESTART;
    unsigned int pending = local_softirq_pending();

restart:
    set_softirq_pending(0);
    local_irq_enable();
    while (pending) {
        int nr = __builtin_ctz(pending);
        int prev_count = preempt_count();
        pending &= ~(1U << nr);
        if (softirq_vec[nr].action)
            softirq_vec[nr].action(&softirq_vec[nr]);
        if (prev_count != preempt_count()) {
            pr_err("huh, entered softirq %u %s %p with preempt_count %08x, exited with %08x?\n",
                   nr, softirq_to_name[nr], softirq_vec[nr].action, prev_count, preempt_count());
            preempt_count_set(prev_count);
        }
    }
    local_irq_disable();
    pending = local_softirq_pending();
    if (pending) {
        if (time_before(jiffies, end) && !need_resched() && --max_restart)
            goto restart;
        wakeup_softirqd();
    }
}

void rt_local_bh_enable_ip(unsigned long ip, unsigned int cnt)
{
    int preempt_on = rt_preemptible();
    unsigned long flags;

    WARN_ON_ONCE(in_hardirq());
    local_irq_save(flags);
    /* only the end of the outermost section runs pending softirqs */
    if (softirq_count() == cnt && local_softirq_pending()) {
        if (!preempt_on) {
            /* called from non-preemptible context: the softirq daemon runs them */
            wakeup_softirqd();
        } else {
            /* in_serving_softirq() while they run */
            cnt = SOFTIRQ_OFFSET;
            rt_local_bh_enable(cnt, 0);
            rt_handle_softirqs();
        }
    }
    rt_local_bh_enable(cnt, preempt_on);
    local_irq_restore(flags);
}

int rt_run_ksoftirqd(void *data)
{
    while (1) {
        set_current_state(TASK_INTERRUPTIBLE);
        if (!local_softirq_pending()) {
            schedule();
            continue;
        }
        __set_current_state(TASK_RUNNING);
        /* ksoftirqd_run_begin(): the bh lock, then interrupts off */
        __local_bh_disable_ip(_RET_IP_, SOFTIRQ_OFFSET);
        local_irq_disable();
        if (local_softirq_pending())
            rt_handle_softirqs();
        /* ksoftirqd_run_end() */
        rt_local_bh_enable(SOFTIRQ_OFFSET, 1);
        local_irq_enable();
        _cond_resched();
    }
    return 0;
}
#endif
