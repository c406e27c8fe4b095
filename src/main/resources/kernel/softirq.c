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
{
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
{
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
{
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
{
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
{
    open_softirq(TASKLET_SOFTIRQ, tasklet_action);
    open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}
