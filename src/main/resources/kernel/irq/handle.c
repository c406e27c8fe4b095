/*
 * spinlab's model of kernel/irq/ (irqdesc.c, handle.c, manage.c) and the arch interrupt
 * entry: the simulated CPU takes an interrupt by calling handle_arch_irq() on top of
 * whatever it was running, with irqs masked, as the hardware does. irq_enter/irq_exit
 * bracket the handler; irq_exit runs softirqs; the return path may preempt (full
 * preemption) or reschedule before returning to user space. A device line's handler runs
 * under kernel/irq/chip.c's edge flow (handle_edge_irq, below): never on two CPUs at once.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/printk.h>
#include <linux/lockdep.h>
#include <asm/barrier.h>

#define IRQ_TIMER 30          /* the ARM generic timer's PPI */
#define IPI_RESCHEDULE 1
#define IRQ_HRTIMER 29        /* the per-CPU clock event device of high-resolution timers */

void hrtimer_interrupt(void);

struct irqaction {
    irq_handler_t handler;
    void *dev_id;
    const char *name;
    unsigned long flags;
    /* the desc's IRQD_IRQ_INPROGRESS and IRQS_PENDING (handle_edge_irq below) */
    unsigned int istate;
};

/*
 * include/linux/irq.h's IRQD_IRQ_DISABLED and IRQD_IRQ_INPROGRESS and kernel/irq/internals.h's
 * IRQS_PENDING. The istate word also holds the desc's disable depth (its high byte), which the
 * kernel keeps in desc->depth under desc->lock: here every update of the flags and the depth is
 * one compare-and-exchange of the word (see handle_edge_irq).
 */
#define IRQD_IRQ_DISABLED (1 << 16)
#define IRQD_IRQ_INPROGRESS (1 << 18)
#define IRQS_PENDING 0x00000200
#define IRQ_DEPTH_ONE (1u << 24)

static struct irqaction irq_desc[NR_IRQS];
extern int spinlab_preempt_model;

void tick_handle_periodic(void);
void scheduler_ipi(void);
void preempt_schedule_irq(void);
void exit_to_user_mode(void);

/* a line a driver may request: not the per-CPU timer or the reschedule IPI */
static int irq_device_line(unsigned int irq)
{
    return irq < NR_IRQS && irq != IRQ_TIMER && irq != IPI_RESCHEDULE;
}

/* __setup_irq()'s install of the line's action; IRQF_NO_AUTOEN leaves it disabled (depth 1) */
static void irq_install(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
    irq_desc[irq].handler = handler;
    irq_desc[irq].dev_id = dev;
    irq_desc[irq].name = name;
    irq_desc[irq].flags = flags;
    if (flags & IRQF_NO_AUTOEN)
        irq_desc[irq].istate = IRQ_DEPTH_ONE | IRQD_IRQ_DISABLED;
}

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{ __PREEMPT_RT_ONLY(return rt_request_irq(irq, handler, flags, name, dev);)
    if (!irq_device_line(irq) || !handler)
        return -EINVAL;
    if (irq_desc[irq].handler)
        return -EBUSY;
    irq_install(irq, handler, flags, name, dev);
    return 0;
}

const void *free_irq(unsigned int irq, void *dev_id)
{ __PREEMPT_RT_ONLY(rt_free_irq_thread(irq);)
    const char *name = irq_desc[irq].name;
    irq_desc[irq].handler = NULL;
    irq_desc[irq].dev_id = NULL;
    return name;
}

static void irq_wake_thread(unsigned int irq);

/* __handle_irq_event_percpu(): the line's action, with desc->lock released */
static void handle_irq_event_percpu(unsigned int irq)
{ __PREEMPT_RT_ONLY(if (rt_handle_threaded_irq(irq)) return;)
    /*
     * a handler that force_irqthreads would run in a thread is marked so for lockdep's
     * wait-context check (an observer reads the flags: no step)
     */
    lockdep_hardirq_threaded_unless(&irq_desc[irq].flags, IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT);
    if (irq_desc[irq].handler(irq, irq_desc[irq].dev_id) == IRQ_WAKE_THREAD)
        irq_wake_thread(irq);
}

/*
 * kernel/irq/chip.c's handle_edge_irq(), the flow of a device line. The model's interrupt
 * controller has no per-line active state (a GIC holds an SPI that is being handled until
 * its EOI; the machine delivers a raise to a CPU at once, even while the handler runs on
 * another), so the line gets the flow the kernel gives such controllers (x86's edge IO-APIC
 * and MSI interrupts): a raise that finds the handler in progress on another CPU
 * (irq_may_run() false: IRQD_IRQ_INPROGRESS) only marks the line IRQS_PENDING, and the CPU
 * in the handler runs it again when it returns (the do/while on IRQS_PENDING). So one
 * handler never runs on two CPUs at once, and no raise is lost.
 *
 * The kernel makes each test-and-update of the flags under desc->lock (a raw spinlock:
 * the entry, where irq_may_run() decides; handle_irq_event()'s clearing of IRQS_PENDING
 * and setting of IRQD_IRQ_INPROGRESS before it drops the lock; its clearing of
 * IRQD_IRQ_INPROGRESS after the handler, with the loop's IRQS_PENDING test). Those
 * sections touch nothing but the flags, so each is one atomic compare-and-exchange of the
 * desc's istate word here: the same outcomes in the same order (no CPU sees the word
 * between a test and its update) for one step each instead of a raw spinlock's several.
 * A line disabled by disable_irq() (IRQD_IRQ_DISABLED, below) is not handled: the raise
 * only marks it IRQS_PENDING, as does a raise while the handler runs, and the rerun loop
 * stops while the line is disabled; enable_irq() retriggers a pending line.
 * Simplifications: the line is not masked while pending (mask_ack_irq/unmask_irq), so a
 * raise that comes before the rerun starts is served by that rerun (an edge the kernel's
 * masked controller would hold and deliver after the unmask: one more run); no
 * spurious-interrupt accounting.
 */
static void handle_edge_irq(unsigned int irq)
{
    unsigned int *istate = &irq_desc[irq].istate;
    unsigned int old = 0;
    unsigned int new_state;
    unsigned int seen;

    /* the first locked section: irq_may_run(), then IRQS_PENDING or handle_irq_event()'s start */
    for (;;) {
        if (old & (IRQD_IRQ_INPROGRESS | IRQD_IRQ_DISABLED))
            new_state = old | IRQS_PENDING;
        else
            new_state = (old & ~IRQS_PENDING) | IRQD_IRQ_INPROGRESS;
        seen = __spinlab_cmpxchg32(istate, old, new_state);
        if (seen == old)
            break;
        old = seen;
    }
    if (old & (IRQD_IRQ_INPROGRESS | IRQD_IRQ_DISABLED))
        return;         /* in progress on another CPU (it runs the handler again), or disabled */
    for (;;) {
        handle_irq_event_percpu(irq);
        /* handle_irq_event()'s end and the loop's test, under the lock in the kernel */
        old = IRQD_IRQ_INPROGRESS;
        for (;;) {
            if ((old & IRQS_PENDING) && !(old & IRQD_IRQ_DISABLED))
                new_state = old & ~IRQS_PENDING;        /* run again: IRQS_PENDING cleared */
            else
                new_state = old & ~IRQD_IRQ_INPROGRESS; /* done (a disabled line stays pending) */
            seen = __spinlab_cmpxchg32(istate, old, new_state);
            if (seen == old)
                break;
            old = seen;
        }
        if (!(old & IRQS_PENDING) || (old & IRQD_IRQ_DISABLED))
            return;
        if (!irq_desc[irq].handler) {
            /* the loop's !desc->action (freed while it ran): out, the line left pending */
            __spinlab_xchg32(istate, IRQS_PENDING);
            return;
        }
    }
}

static void generic_handle_irq(unsigned int irq)
{
    if (irq == IRQ_TIMER) {
        /* the per-CPU lines (handle_percpu_devid_irq: no in-progress rule) */
        tick_handle_periodic();
    } else if (irq == IPI_RESCHEDULE) {
        scheduler_ipi();
    } else if (irq == IRQ_HRTIMER) {
        hrtimer_interrupt();
    } else if (irq_desc[irq].handler) {
        handle_edge_irq(irq);
    } else {
        printk(KERN_WARNING "irq %d: nobody cared\n", irq);
    }
}

/* The arch entry (gic_handle_irq + irqentry_exit): what the CPU runs when it takes irq. */
void handle_arch_irq(unsigned int irq)
{
    int user_mode = current->in_syscall == 0 && current->user_entry != NULL && preempt_count() == 0;
    irq_enter();
    generic_handle_irq(irq);
    irq_exit();
    if (user_mode) {
        if (need_resched()) {
            local_irq_enable();
            schedule();
            local_irq_disable();
        }
        exit_to_user_mode();
    } else if (spinlab_preempt_model >= 2 && preempt_count() == 0 && need_resched()) {
        preempt_schedule_irq();
    }
}

void watchdog_hardlockup_check(void);

/* The NMI entry (nmi_enter/nmi_exit around the perf handler): taken even with irqs masked. */
void handle_arch_nmi(void)
{
    __preempt_count_add(NMI_OFFSET + HARDIRQ_OFFSET);
    watchdog_hardlockup_check();
    __preempt_count_sub(NMI_OFFSET + HARDIRQ_OFFSET);
}

#include <linux/bitops.h>
#include <linux/kthread.h>
#include <linux/wait.h>

void __send_ipi(int cpu, int irq);

/*
 * ---- disable_irq(), enable_irq(), synchronize_irq() (kernel/irq/manage.c) ----
 *
 * disable_irq_nosync() raises the line's disable depth; the first disable marks the line
 * IRQD_IRQ_DISABLED, so the edge flow above leaves a raise pending instead of handling it.
 * disable_irq() then waits, as synchronize_irq() does, until no CPU runs the line's hardirq
 * handler (a busy-wait on IRQD_IRQ_INPROGRESS: whoever holds a lock that handler spins on
 * deadlocks here, and so does a handler that disables its own line) and until its thread
 * has served every wake-up (threads_active, slept for on wait_for_threads). enable_irq()
 * lowers the depth; the last enable clears IRQD_IRQ_DISABLED and, when a raise came while
 * the line was disabled, retriggers it on this CPU (check_irq_resend(): the GIC's
 * irq_retrigger sets the line pending again). An enable without a disable is the kernel's
 * "Unbalanced enable" warning. The depth and the flags are one word, changed by one
 * compare-and-exchange each time (the kernel changes them under desc->lock).
 */
static unsigned int irq_update_state(unsigned int irq, unsigned int add, unsigned int set)
{
    unsigned int *istate = &irq_desc[irq].istate;
    unsigned int old = 0;
    unsigned int seen;

    for (;;) {
        seen = __spinlab_cmpxchg32(istate, old, (old + add) | set);
        if (seen == old)
            return old;
        old = seen;
    }
}

void disable_irq_nosync(unsigned int irq)
{
    if (irq < NR_IRQS)
        irq_update_state(irq, IRQ_DEPTH_ONE, IRQD_IRQ_DISABLED);
}

struct irq_thread_action;
static struct irq_thread_action *irq_thread_of(unsigned int irq);
static int irq_threads_active(struct irq_thread_action *action);
static void irq_wait_for_threads(struct irq_thread_action *action);

/* __synchronize_hardirq(): until the handler has returned on every CPU */
static void irq_wait_for_hardirq(unsigned int irq)
{
    while (READ_ONCE(irq_desc[irq].istate) & IRQD_IRQ_INPROGRESS)
        cpu_relax();
}

bool synchronize_hardirq(unsigned int irq)
{
    if (irq >= NR_IRQS)
        return true;
    irq_wait_for_hardirq(irq);
    return !irq_threads_active(irq_thread_of(irq));
}

void synchronize_irq(unsigned int irq)
{
    if (irq >= NR_IRQS)
        return;
    irq_wait_for_hardirq(irq);
    irq_wait_for_threads(irq_thread_of(irq));
}

void disable_irq(unsigned int irq)
{
    disable_irq_nosync(irq);
    synchronize_irq(irq);
}

bool disable_hardirq(unsigned int irq)
{
    disable_irq_nosync(irq);
    return synchronize_hardirq(irq);
}

void enable_irq(unsigned int irq)
{
    unsigned int *istate;
    unsigned int old = IRQ_DEPTH_ONE | IRQD_IRQ_DISABLED;
    unsigned int new_state;
    unsigned int seen;

    if (irq >= NR_IRQS)
        return;
    istate = &irq_desc[irq].istate;
    for (;;) {
        if (old < IRQ_DEPTH_ONE) {
            WARN(1, "Unbalanced enable for IRQ %d\n", irq);
            return;
        }
        new_state = old - IRQ_DEPTH_ONE;
        if (new_state < IRQ_DEPTH_ONE) {
            new_state &= ~IRQD_IRQ_DISABLED;
            /* a raise that came while disabled: resent below unless the handler still runs */
            if (!(new_state & IRQD_IRQ_INPROGRESS))
                new_state &= ~IRQS_PENDING;
        }
        seen = __spinlab_cmpxchg32(istate, old, new_state);
        if (seen == old)
            break;
        old = seen;
    }
    if ((old & IRQS_PENDING) && !(new_state & IRQS_PENDING))
        __send_ipi(raw_smp_processor_id(), irq);
}

/*
 * ---- interrupt threads (kernel/irq/manage.c) ----
 *
 * request_threaded_irq(): the handler runs in hard interrupt context and returns
 * IRQ_WAKE_THREAD to have thread_fn run in a kernel thread "irq/N-name" (setup_irq_thread);
 * given no handler, irq_default_primary_handler asks for the thread on every interrupt, which
 * the kernel allows only with IRQF_ONESHOT. A wake-up sets IRQTF_RUNTHREAD and counts in
 * threads_active (__irq_wake_thread), the thread clears the bit, runs thread_fn and counts the
 * wake-up served (wake_threads_waitq), and synchronize_irq() sleeps until none is left.
 * PREEMPT_RT forces threading on plain handlers too (below): their thread runs the handler
 * with bottom halves disabled, so the local_bh_enable() at its end runs the softirqs it
 * raised (irq_forced_thread_fn). Simplifications: the line is not masked while the thread
 * runs (IRQF_ONESHOT's unmask after the thread), so interrupts that come before the thread
 * has run are one run of thread_fn, as a masked level-triggered line would be; without
 * --preempt rt the model's scheduler has no priorities, so the thread is an ordinary kernel
 * thread (the kernel gives it SCHED_FIFO 50); free_irq() leaves the thread parked, never
 * running thread_fn again, instead of stopping it.
 */
#define IRQTF_RUNTHREAD 0

struct irq_thread_action {
    irq_handler_t thread_fn;
    void *dev_id;
    struct task_struct *thread;
    unsigned long thread_flags;
    unsigned int irq;
    int forced;                         /* PREEMPT_RT's forced threading of a plain handler */
    atomic_t threads_active;
    struct wait_queue_head wait_for_threads;
};

static struct irq_thread_action irq_thread_actions[NR_IRQS];

static struct irq_thread_action *irq_thread_of(unsigned int irq)
{
    return &irq_thread_actions[irq];
}

static int irq_threads_active(struct irq_thread_action *action)
{
    return atomic_read(&action->threads_active);
}

static void irq_wait_for_threads(struct irq_thread_action *action)
{
    if (action->thread)
        wait_event(action->wait_for_threads, !atomic_read(&action->threads_active));
}

irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
    return IRQ_WAKE_THREAD;
}

static int irq_wait_for_interrupt(struct irq_thread_action *action)
{
    for (;;) {
        set_current_state(TASK_INTERRUPTIBLE);
        if (test_and_clear_bit(IRQTF_RUNTHREAD, &action->thread_flags)) {
            __set_current_state(TASK_RUNNING);
            return 0;
        }
        schedule();
    }
}

/* a freed line's thread stays parked: it never runs thread_fn again (the kernel stops it in free_irq) */
static int irq_thread_parked(struct irq_thread_action *action)
{
    return !action->thread_fn || !irq_desc[action->irq].handler;
}

/* irq_thread_fn(): the thread function of a line requested with one */
static irqreturn_t irq_thread_fn(struct irq_thread_action *action)
{
    if (irq_thread_parked(action))
        return IRQ_NONE;
    return action->thread_fn(action->irq, action->dev_id);
}

/* irq_forced_thread_fn(): bottom halves off around the handler; under RT interrupts stay on */
static irqreturn_t irq_forced_thread_fn(struct irq_thread_action *action)
{
    irqreturn_t ret = IRQ_NONE;

    local_bh_disable();
    if (!irq_thread_parked(action))
        ret = action->thread_fn(action->irq, action->dev_id);
    local_bh_enable();
    return ret;
}

/* wake_threads_waitq(): one wake-up served; synchronize_irq() may go on when none is left */
static void wake_threads_waitq(struct irq_thread_action *action)
{
    if (atomic_dec_and_test(&action->threads_active))
        wake_up(&action->wait_for_threads);
}

static int irq_thread(void *data)
{
    struct irq_thread_action *action = data;
    irqreturn_t (*handler_fn)(struct irq_thread_action *action) =
        action->forced ? irq_forced_thread_fn : irq_thread_fn;

    while (!irq_wait_for_interrupt(action)) {
        handler_fn(action);
        wake_threads_waitq(action);
    }
    return 0;
}

/* setup_irq_thread(): the line's thread, made once and kept for a later request */
static int irq_setup_thread(unsigned int irq, irq_handler_t thread_fn, void *dev, const char *name, int forced)
{
    struct irq_thread_action *action = &irq_thread_actions[irq];
    struct task_struct *t;

    action->irq = irq;
    action->dev_id = dev;
    action->thread_flags = 0;
    action->forced = forced;
    if (!action->thread) {
        init_waitqueue_head(&action->wait_for_threads);
        t = kthread_create(irq_thread, action, "irq/%d-%s", irq, name);
        if (IS_ERR(t))
            return PTR_ERR(t);
        __PREEMPT_RT_ONLY(sched_set_fifo(t);)
        action->thread = t;
        wake_up_process(t);
    }
    action->thread_fn = thread_fn;
    return 0;
}

/* __irq_wake_thread(): once per wake-up the thread has not yet taken */
static void irq_wake_thread(unsigned int irq)
{
    struct irq_thread_action *action = &irq_thread_actions[irq];

    if (!action->thread) {
        WARN(1, "IRQ %d device %s returned IRQ_WAKE_THREAD but no thread function available.",
             irq, irq_desc[irq].name);
        return;
    }
    if (test_and_set_bit(IRQTF_RUNTHREAD, &action->thread_flags))
        return;
    atomic_inc(&action->threads_active);
    wake_up_process(action->thread);
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
                         unsigned long flags, const char *name, void *dev)
{
    int ret;

    if (!thread_fn)
        return request_irq(irq, handler, flags, name, dev);
    if (!irq_device_line(irq))
        return -EINVAL;
    if (!handler) {
        if (!(flags & IRQF_ONESHOT)) {
            pr_err("genirq: Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %d)\n",
                   name, irq);
            return -EINVAL;
        }
        handler = irq_default_primary_handler;
    }
    if (irq_desc[irq].handler)
        return -EBUSY;
    ret = irq_setup_thread(irq, thread_fn, dev, name, 0);
    if (ret)
        return ret;
    irq_install(irq, handler, flags, name, dev);
    return 0;
}

#ifdef CONFIG_PREEMPT_RT
/*
 * ---- PREEMPT_RT: forced interrupt threading (kernel/irq/manage.c) ----
 *
 * PREEMPT_RT forces threaded interrupts (force_irqthreads() is always true there): a handler
 * requested without IRQF_NO_THREAD, IRQF_PERCPU or IRQF_ONESHOT becomes the thread function
 * of the line's thread at SCHED_FIFO 50 (irq_setup_forced_threading), and the hardirq runs
 * irq_default_primary_handler, which wakes it. A handler requested with a thread function of
 * its own keeps its primary handler in hard interrupt context here (the kernel would move it
 * to a second thread, "irq/N-s-name").
 */
int rt_request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
    int ret;

    if (!irq_device_line(irq))
        return -EINVAL;
    if (irq_desc[irq].handler)
        return -EBUSY;
    /* irq_setup_forced_threading() */
    if (flags & (IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT)) {
        irq_install(irq, handler, flags, name, dev);
        return 0;
    }
    ret = irq_setup_thread(irq, handler, dev, name, 1);
    if (ret)
        return ret;
    irq_install(irq, irq_default_primary_handler, flags | IRQF_ONESHOT, name, dev);
    return 0;
}

void rt_free_irq_thread(unsigned int irq)
{
    if (irq < NR_IRQS)
        irq_thread_actions[irq].thread_fn = NULL;
}

/* __handle_irq_event_percpu() for a forced thread: the primary handler, then the wake-up */
int rt_handle_threaded_irq(unsigned int irq)
{
    if (irq >= NR_IRQS || irq_desc[irq].handler != irq_default_primary_handler)
        return 0;
    lockdep_hardirq_threaded_unless(&irq_desc[irq].flags, IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT);
    if (irq_desc[irq].handler(irq, irq_desc[irq].dev_id) == IRQ_WAKE_THREAD)
        irq_wake_thread(irq);
    return 1;
}
#endif
