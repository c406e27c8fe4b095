/*
 * spinlab's model of kernel/irq/ (irqdesc.c, handle.c, manage.c) and the arch interrupt
 * entry: the simulated CPU takes an interrupt by calling handle_arch_irq() on top of
 * whatever it was running, with irqs masked, as the hardware does. irq_enter/irq_exit
 * bracket the handler; irq_exit runs softirqs; the return path may preempt (full
 * preemption) or reschedule before returning to user space.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/sched.h>
#include <linux/printk.h>
#include <linux/lockdep.h>

#define IRQ_TIMER 30          /* the ARM generic timer's PPI */
#define IPI_RESCHEDULE 1
#define IRQ_HRTIMER 29        /* the per-CPU clock event device of high-resolution timers */

void hrtimer_interrupt(void);

struct irqaction {
    irq_handler_t handler;
    void *dev_id;
    const char *name;
    unsigned long flags;
};

static struct irqaction irq_desc[NR_IRQS];
extern int spinlab_preempt_model;

void tick_handle_periodic(void);
void scheduler_ipi(void);
void preempt_schedule_irq(void);
void exit_to_user_mode(void);

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev)
{
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
{
    const char *name = irq_desc[irq].name;
    irq_desc[irq].handler = NULL;
    irq_desc[irq].dev_id = NULL;
    return name;
}

static void generic_handle_irq(unsigned int irq)
{
    if (irq == IRQ_TIMER) {
        tick_handle_periodic();
    } else if (irq == IPI_RESCHEDULE) {
        scheduler_ipi();
    } else if (irq == IRQ_HRTIMER) {
        hrtimer_interrupt();
    } else if (irq_desc[irq].handler) {
        /*
         * __handle_irq_event_percpu(): a handler that force_irqthreads would run in a thread
         * is marked so for lockdep's wait-context check (an observer reads the flags: no step)
         */
        lockdep_hardirq_threaded_unless(&irq_desc[irq].flags, IRQF_NO_THREAD | IRQF_PERCPU | IRQF_ONESHOT);
        irq_desc[irq].handler(irq, irq_desc[irq].dev_id);
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
    } else if (spinlab_preempt_model == 2 && preempt_count() == 0 && need_resched()) {
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
