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

/* include/linux/irq.h's IRQD_IRQ_INPROGRESS and kernel/irq/internals.h's IRQS_PENDING */
#define IRQD_IRQ_INPROGRESS (1 << 18)
#define IRQS_PENDING 0x00000200

static struct irqaction irq_desc[NR_IRQS];
extern int spinlab_preempt_model;

void tick_handle_periodic(void);
void scheduler_ipi(void);
void preempt_schedule_irq(void);
void exit_to_user_mode(void);

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{ __PREEMPT_RT_ONLY(return rt_request_irq(irq, handler, flags, name, dev);)
    if (irq >= NR_IRQS || irq == IRQ_TIMER || irq == IPI_RESCHEDULE)
        return -EINVAL;
    if (irq_desc[irq].handler)
        return -EBUSY;
    irq_desc[irq].handler = handler;
    irq_desc[irq].dev_id = dev;
    irq_desc[irq].name = name;
    irq_desc[irq].flags = flags;
    return 0;
}

const void *free_irq(unsigned int irq, void *dev_id)
{ __PREEMPT_RT_ONLY(rt_free_irq_thread(irq);)
    const char *name = irq_desc[irq].name;
    irq_desc[irq].handler = NULL;
    irq_desc[irq].dev_id = NULL;
    return name;
}

/* __handle_irq_event_percpu(): the line's action, with desc->lock released */
static void handle_irq_event_percpu(unsigned int irq)
{ __PREEMPT_RT_ONLY(if (rt_handle_threaded_irq(irq)) return;)
    /*
     * a handler that force_irqthreads would run in a thread is marked so for lockdep's
     * wait-context check (an observer reads the flags: no step)
     */
    lockdep_hardirq_threaded_unless(&irq_desc[irq].flags, IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT);
    irq_desc[irq].handler(irq, irq_desc[irq].dev_id);
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
 * Simplifications: the line is not masked while pending (mask_ack_irq/unmask_irq), so a
 * raise that comes before the rerun starts is served by that rerun (an edge the kernel's
 * masked controller would hold and deliver after the unmask: one more run); no
 * IRQD_IRQ_DISABLED (no disable_irq) and no spurious-interrupt accounting.
 */
static void handle_edge_irq(unsigned int irq)
{
    unsigned int *istate = &irq_desc[irq].istate;
    unsigned int old = 0;
    unsigned int new_state;
    unsigned int seen;

    /* the first locked section: irq_may_run(), then IRQS_PENDING or handle_irq_event()'s start */
    for (;;) {
        if (old & IRQD_IRQ_INPROGRESS)
            new_state = old | IRQS_PENDING;
        else
            new_state = IRQD_IRQ_INPROGRESS;
        seen = __spinlab_cmpxchg32(istate, old, new_state);
        if (seen == old)
            break;
        old = seen;
    }
    if (old & IRQD_IRQ_INPROGRESS)
        return;         /* in progress on another CPU: it runs the handler again */
    for (;;) {
        handle_irq_event_percpu(irq);
        /* handle_irq_event()'s end and the loop's test, under the lock in the kernel */
        old = IRQD_IRQ_INPROGRESS;
        for (;;) {
            if (old & IRQS_PENDING)
                new_state = IRQD_IRQ_INPROGRESS;        /* run again: IRQS_PENDING cleared */
            else
                new_state = 0;
            seen = __spinlab_cmpxchg32(istate, old, new_state);
            if (seen == old)
                break;
            old = seen;
        }
        if (!(old & IRQS_PENDING))
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

#ifdef CONFIG_PREEMPT_RT
#include <linux/bitops.h>
#include <linux/kthread.h>

/*
 * ---- PREEMPT_RT: forced interrupt threading (kernel/irq/manage.c) ----
 *
 * PREEMPT_RT forces threaded interrupts (force_irqthreads() is always true there): a handler
 * requested without IRQF_NO_THREAD, IRQF_PERCPU or IRQF_ONESHOT becomes the thread function
 * of a kernel thread "irq/N-name" at SCHED_FIFO 50 (setup_irq_thread, sched_set_fifo), and
 * the hardirq runs irq_default_primary_handler, whose IRQ_WAKE_THREAD marks the thread to run
 * (IRQTF_RUNTHREAD) and wakes it (__irq_wake_thread). The thread runs the handler with bottom
 * halves disabled and interrupts enabled (irq_forced_thread_fn), so the local_bh_enable() at
 * its end runs the softirqs it raised. Simplifications: the line is not masked while the
 * thread runs (IRQF_ONESHOT's unmask-after-thread); interrupts that come before the thread
 * has run are one run of the handler, as a masked level-triggered line would be; free_irq()
 * parks the thread (it never runs the handler again) instead of stopping it.
 */
#define IRQTF_RUNTHREAD 0

struct irq_thread_action {
    irq_handler_t thread_fn;
    void *dev_id;
    struct task_struct *thread;
    unsigned long thread_flags;
    unsigned int irq;
};

static struct irq_thread_action irq_thread_actions[NR_IRQS];

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

/* irq_forced_thread_fn(): bottom halves off around the handler; under RT interrupts stay on */
static irqreturn_t irq_forced_thread_fn(struct irq_thread_action *action)
{
    irqreturn_t ret = IRQ_NONE;

    local_bh_disable();
    if (action->thread_fn)
        ret = action->thread_fn(action->irq, action->dev_id);
    local_bh_enable();
    return ret;
}

static int irq_thread(void *data)
{
    struct irq_thread_action *action = data;

    while (!irq_wait_for_interrupt(action))
        irq_forced_thread_fn(action);
    return 0;
}

int rt_request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
    struct irq_thread_action *action;
    struct task_struct *t;

    if (irq >= NR_IRQS || irq == IRQ_TIMER || irq == IPI_RESCHEDULE)
        return -EINVAL;
    if (irq_desc[irq].handler)
        return -EBUSY;
    /* irq_setup_forced_threading() */
    if (flags & (IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT)) {
        irq_desc[irq].handler = handler;
        irq_desc[irq].dev_id = dev;
        irq_desc[irq].name = name;
        irq_desc[irq].flags = flags;
        return 0;
    }
    action = &irq_thread_actions[irq];
    action->irq = irq;
    action->dev_id = dev;
    action->thread_flags = 0;
    if (!action->thread) {
        /* setup_irq_thread() */
        t = kthread_create(irq_thread, action, "irq/%d-%s", irq, name);
        if (IS_ERR(t))
            return PTR_ERR(t);
        sched_set_fifo(t);
        action->thread = t;
        wake_up_process(t);
    }
    action->thread_fn = handler;
    irq_desc[irq].handler = irq_default_primary_handler;
    irq_desc[irq].dev_id = dev;
    irq_desc[irq].name = name;
    irq_desc[irq].flags = flags | IRQF_ONESHOT;
    return 0;
}

void rt_free_irq_thread(unsigned int irq)
{
    if (irq < NR_IRQS)
        irq_thread_actions[irq].thread_fn = NULL;
}

/* __handle_irq_event_percpu() for a threaded handler: the primary handler, then the wake-up */
int rt_handle_threaded_irq(unsigned int irq)
{
    struct irq_thread_action *action;

    if (irq >= NR_IRQS || irq_desc[irq].handler != irq_default_primary_handler)
        return 0;
    action = &irq_thread_actions[irq];
    lockdep_hardirq_threaded_unless(&irq_desc[irq].flags, IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT);
    if (irq_desc[irq].handler(irq, irq_desc[irq].dev_id) == IRQ_WAKE_THREAD) {
        /* __irq_wake_thread() */
        set_bit(IRQTF_RUNTHREAD, &action->thread_flags);
        wake_up_process(action->thread);
    }
    return 1;
}
#endif
