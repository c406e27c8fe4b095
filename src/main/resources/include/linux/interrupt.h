/* spinlab's model of <linux/interrupt.h>: interrupt handlers, softirqs and tasklets. */
#ifndef _SPINLAB_LINUX_INTERRUPT_H
#define _SPINLAB_LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/hardirq.h>
#include <linux/atomic.h>
#include <linux/kernel.h>

enum irqreturn {
    IRQ_NONE = 0,
    IRQ_HANDLED = 1,
    IRQ_WAKE_THREAD = 2
};
typedef enum irqreturn irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED 0x80
#define NR_IRQS 64

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
const void *free_irq(unsigned int irq, void *dev_id);
struct device;
int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler, unsigned long irqflags,
                     const char *devname, void *dev_id);

enum {
    HI_SOFTIRQ = 0,
    TIMER_SOFTIRQ,
    NET_TX_SOFTIRQ,
    NET_RX_SOFTIRQ,
    BLOCK_SOFTIRQ,
    IRQ_POLL_SOFTIRQ,
    TASKLET_SOFTIRQ,
    SCHED_SOFTIRQ,
    HRTIMER_SOFTIRQ,
    RCU_SOFTIRQ,
    NR_SOFTIRQS
};

struct softirq_action {
    void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void __raise_softirq_irqoff(unsigned int nr);
void do_softirq(void);
void __do_softirq(void);
unsigned int local_softirq_pending(void);

/*
 * Tasklets (kernel/softirq.c), in every 6.6 form: DECLARE_TASKLET/tasklet_setup with a
 * callback that receives the tasklet (from_tasklet() finds the container), and the old
 * DECLARE_TASKLET_OLD/tasklet_init form with an unsigned long. A tasklet runs in softirq
 * context (TASKLET_SOFTIRQ, or HI_SOFTIRQ for tasklet_hi_schedule) on the CPU that scheduled
 * it, never on two CPUs at once (TASKLET_STATE_RUN), and not while disabled (count > 0).
 * The kernel's callback and func share a union; here they are two fields.
 */
struct tasklet_struct {
    struct tasklet_struct *next;
    unsigned long state;
    atomic_t count;
    bool use_callback;
    void (*func)(unsigned long data);
    void (*callback)(struct tasklet_struct *t);
    unsigned long data;
};

#define DECLARE_TASKLET(name, _callback) \
    struct tasklet_struct name = { .count = ATOMIC_INIT(0), .callback = _callback, .use_callback = true }
#define DECLARE_TASKLET_DISABLED(name, _callback) \
    struct tasklet_struct name = { .count = ATOMIC_INIT(1), .callback = _callback, .use_callback = true }
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
    container_of(callback_tasklet, typeof(*var), tasklet_fieldname)
#define DECLARE_TASKLET_OLD(name, _func) \
    struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func }
#define DECLARE_TASKLET_DISABLED_OLD(name, _func) \
    struct tasklet_struct name = { .count = ATOMIC_INIT(1), .func = _func }

/* bit numbers in state */
enum {
    TASKLET_STATE_SCHED,    /* scheduled for execution */
    TASKLET_STATE_RUN       /* running (SMP only) */
};

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_disable_nosync(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_disable_in_atomic(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);
void tasklet_unlock_spin_wait(struct tasklet_struct *t);

/* IRQF_* (include/linux/interrupt.h) and the trigger types (include/linux/irq.h) */
#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_TRIGGER_MASK (IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_TRIGGER_PROBE 0x00000010
#define IRQF_PROBE_SHARED 0x00000100
#define __IRQF_TIMER 0x00000200
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_IRQPOLL 0x00001000
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_SUSPEND 0x00004000
#define IRQF_FORCE_RESUME 0x00008000
#define IRQF_NO_THREAD 0x00010000
#define IRQF_EARLY_RESUME 0x00020000
#define IRQF_COND_SUSPEND 0x00040000
#define IRQF_NO_AUTOEN 0x00080000
#define IRQF_NO_DEBUG 0x00100000
#define IRQF_TIMER (__IRQF_TIMER | IRQF_NO_SUSPEND | IRQF_NO_THREAD)

/* interrupt threads and a line's disable depth (kernel/irq/handle.c, upstream kernel/irq/manage.c) */
int request_threaded_irq(unsigned int irq, irq_handler_t handler, irq_handler_t thread_fn,
                         unsigned long flags, const char *name, void *dev);
int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
                              irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
                              void *dev_id);
irqreturn_t irq_default_primary_handler(int irq, void *dev_id);
void disable_irq_nosync(unsigned int irq);
void disable_irq(unsigned int irq);
bool disable_hardirq(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);
bool synchronize_hardirq(unsigned int irq);

#ifdef CONFIG_PREEMPT_RT
/* forced interrupt threading (kernel/irq/handle.c, upstream kernel/irq/manage.c) */
int rt_request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name, void *dev);
void rt_free_irq_thread(unsigned int irq);
int rt_handle_threaded_irq(unsigned int irq);
#endif

#endif
