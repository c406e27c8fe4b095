/*
 * spinlab's model of kernel/time/timer.c and the periodic tick (kernel/time/tick-common.c):
 * jiffies, per-CPU timer lists expired from TIMER_SOFTIRQ, schedule_timeout() and msleep().
 * HZ is 100. A timer runs on the CPU that armed it, as the kernel's per-CPU timer bases do,
 * except that mod_timer() leaves a timer whose callback is running on its base (__mod_timer):
 * one timer never runs on two CPUs at once. As in the kernel, the low bits of timer->flags
 * (TIMER_CPUMASK) name the base a timer was last queued on, and lock_timer_base() follows them.
 */
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/delay.h>

volatile unsigned long jiffies;

struct timer_base {
    raw_spinlock_t lock;
    struct list_head timers;
    struct timer_list *running_timer;
};

static struct timer_base timer_bases[NR_CPUS];

void scheduler_tick(void);
void watchdog_tick(void);

unsigned long msecs_to_jiffies(unsigned int m)
{
    return (m + (1000 / HZ) - 1) / (1000 / HZ);
}

unsigned int jiffies_to_msecs(unsigned long j)
{
    return j * (1000 / HZ);
}

void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *), unsigned int flags)
{
    INIT_LIST_HEAD(&timer->entry);
    timer->function = callback;
    timer->flags = flags | raw_smp_processor_id();      /* do_init_timer() */
    timer->pending = 0;
}

int timer_pending(const struct timer_list *timer)
{
    return timer->pending;
}

#define TIMER_BASEMASK (TIMER_CPUMASK | TIMER_MIGRATING)

/*
 * lock_timer_base(): locks the base the timer's flags name. While __mod_timer moves a timer
 * (TIMER_MIGRATING) its flags name neither base; once locked, the flags must still be the
 * ones read, or the timer moved meanwhile and the lookup starts again.
 */
static struct timer_base *lock_timer_base(struct timer_list *timer, unsigned long *flags)
{
    for (;;) {
        struct timer_base *base;
        unsigned int tf = READ_ONCE(timer->flags);

        if (!(tf & TIMER_MIGRATING)) {
            base = &timer_bases[tf & TIMER_CPUMASK];
            raw_spin_lock_irqsave(&base->lock, *flags);
            if (timer->flags == tf)
                return base;
            raw_spin_unlock_irqrestore(&base->lock, *flags);
        }
        cpu_relax();
    }
}

/* moves a timer, with its old base locked, to new_base (locked on return): __mod_timer, add_timer_on */
static struct timer_base *switch_timer_base(struct timer_list *timer, struct timer_base *base, int cpu)
{
    timer->flags |= TIMER_MIGRATING;
    raw_spin_unlock(&base->lock);
    base = &timer_bases[cpu];
    raw_spin_lock(&base->lock);
    WRITE_ONCE(timer->flags, (timer->flags & ~TIMER_BASEMASK) | cpu);
    return base;
}

static int detach_if_pending(struct timer_list *timer)
{
    if (!timer->pending)
        return 0;
    list_del_init(&timer->entry);
    timer->pending = 0;
    return 1;
}

#define MOD_TIMER_PENDING_ONLY 0x01

/*
 * __mod_timer(): off the base it is on, then onto this CPU's, unless its callback is running
 * on its base (base->running_timer == timer): the kernel keeps it there, so that
 * timer_delete_sync() finds it running and one timer never runs on two CPUs at once.
 * Returns whether the timer was pending. (No timer wheel: a base's list is unsorted.)
 */
static int __mod_timer(struct timer_list *timer, unsigned long expires, unsigned int options)
{
    unsigned long flags;
    struct timer_base *base;
    int cpu;
    int ret = 0;

    base = lock_timer_base(timer, &flags);
    if (!timer->function)
        goto out_unlock;    /* shut down (timer_shutdown): re-arming is silently ignored */
    ret = detach_if_pending(timer);
    if (!ret && (options & MOD_TIMER_PENDING_ONLY))
        goto out_unlock;
    cpu = smp_processor_id();
    if (base != &timer_bases[cpu] && base->running_timer != timer)
        base = switch_timer_base(timer, base, cpu);
    timer->expires = expires;
    list_add_tail(&timer->entry, &base->timers);
    timer->pending = 1;
out_unlock:
    raw_spin_unlock_irqrestore(&base->lock, flags);
    return ret;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
    return __mod_timer(timer, expires, 0);
}

void add_timer(struct timer_list *timer)
{
    mod_timer(timer, timer->expires);
}

/* __timer_delete() */
int del_timer(struct timer_list *timer)
{
    unsigned long flags;
    struct timer_base *base;
    int ret = 0;

    if (timer_pending(timer)) {
        base = lock_timer_base(timer, &flags);
        ret = detach_if_pending(timer);
        raw_spin_unlock_irqrestore(&base->lock, flags);
    }
    return ret;
}

/* __try_to_del_timer_sync(): -1 while the callback runs on the timer's base */
int try_to_del_timer_sync(struct timer_list *timer)
{
    unsigned long flags;
    struct timer_base *base;
    int ret = -1;

    base = lock_timer_base(timer, &flags);
    if (base->running_timer != timer)
        ret = detach_if_pending(timer);
    raw_spin_unlock_irqrestore(&base->lock, flags);
    return ret;
}

/*
 * __timer_delete_sync(): waits for a running callback to finish; from the callback itself
 * (or a softirq interrupting it on its CPU) that never ends, as in the kernel. The kernel
 * tries again at once (cpu_relax); the model first waits, without the lock, until the base
 * no longer runs the timer: a try before that finds it running again, and each try takes and
 * drops the base's ticket lock, which would make every turn of the wait a new state for check.
 */
int del_timer_sync(struct timer_list *timer)
{
    struct timer_base *base;
    int ret;

    for (;;) {
        ret = try_to_del_timer_sync(timer);
        if (ret >= 0)
            return ret;
        base = &timer_bases[READ_ONCE(timer->flags) & TIMER_CPUMASK];
        while (READ_ONCE(base->running_timer) == timer)
            cpu_relax();
    }
}

static void run_timer_softirq(struct softirq_action *h)
{
    struct timer_base *base = &timer_bases[smp_processor_id()];
    struct list_head *pos;
    int again = 1;

    while (again) {
        again = 0;
        raw_spin_lock_irq(&base->lock);
        for (pos = base->timers.next; pos != &base->timers; pos = pos->next) {
            struct timer_list *timer = list_entry(pos, struct timer_list, entry);
            if (time_after_eq(jiffies, timer->expires)) {
                void (*fn)(struct timer_list *) = timer->function;
                detach_if_pending(timer);
                base->running_timer = timer;
                raw_spin_unlock_irq(&base->lock);
                fn(timer);
                raw_spin_lock_irq(&base->lock);
                base->running_timer = NULL;
                again = 1;
                break;
            }
        }
        raw_spin_unlock_irq(&base->lock);
    }
}

static int timers_due(int cpu)
{
    struct timer_base *base = &timer_bases[cpu];
    struct list_head *pos;
    for (pos = base->timers.next; pos != &base->timers; pos = pos->next) {
        struct timer_list *timer = list_entry(pos, struct timer_list, entry);
        if (time_after_eq(jiffies, timer->expires))
            return 1;
    }
    return 0;
}

/* The per-CPU tick interrupt (tick_handle_periodic → update_process_times). */
void tick_handle_periodic(void)
{
    if (smp_processor_id() == 0)
        jiffies = jiffies + 1;      /* do_timer(): the boot CPU keeps time */
    if (timers_due(smp_processor_id()))
        raise_softirq(TIMER_SOFTIRQ);
    scheduler_tick();
    watchdog_tick();
}

void init_timers(void)
{
    int c;
    for (c = 0; c < NR_CPUS; c++) {
        raw_spin_lock_init(&timer_bases[c].lock);
        INIT_LIST_HEAD(&timer_bases[c].timers);
    }
    open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}

struct process_timer {
    struct timer_list timer;
    struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
    struct process_timer *timeout = container_of(t, struct process_timer, timer);
    wake_up_process(timeout->task);
}

long schedule_timeout(long timeout)
{
    struct process_timer timer;
    unsigned long expire;

    if (timeout == MAX_SCHEDULE_TIMEOUT) {
        schedule();
        return timeout;
    }
    expire = timeout + jiffies;
    timer.task = current;
    timer_setup(&timer.timer, process_timeout, 0);
    timer.timer.expires = expire;
    add_timer(&timer.timer);
    schedule();
    del_timer_sync(&timer.timer);
    timeout = expire - jiffies;
    return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_uninterruptible(long timeout)
{
    __set_current_state(TASK_UNINTERRUPTIBLE);
    return schedule_timeout(timeout);
}

long schedule_timeout_interruptible(long timeout)
{
    __set_current_state(TASK_INTERRUPTIBLE);
    return schedule_timeout(timeout);
}

void msleep(unsigned int msecs)
{
    unsigned long timeout = msecs_to_jiffies(msecs) + 1;
    while (timeout)
        timeout = schedule_timeout_uninterruptible(timeout);
}

void ssleep(unsigned int secs)
{
    msleep(secs * 1000);
}

void usleep_range(unsigned long min, unsigned long max)
{
    msleep((min + 999) / 1000);
}

/*
 * Set by spinlab check, whose search abstracts time (the clock does not run; an event may
 * come at any step). A busy-wait reads only the clock, so under that abstraction its length
 * changes nothing an interrupt or another CPU could observe: it returns at once.
 */
int spinlab_time_abstract;

/*
 * The machine's wait for its clock to reach end: the CPU does nothing visible until then
 * (interrupts still come), and run's clock moves on with the other CPUs or jumps to end.
 */
void __spinlab_delay_until(unsigned long end);

/*
 * Busy-waiting delays spin on the clock, as the kernel's do on the cycle counter; each round
 * waits out the rest at once, so a long mdelay() costs run a few steps, not one per 100 ns.
 */
void ndelay(unsigned long nsecs)
{
    unsigned long end;

    if (spinlab_time_abstract)
        return;
    end = local_clock() + nsecs;
    while (local_clock() < end)
        __spinlab_delay_until(end);
}

void udelay(unsigned long usecs)
{
    ndelay(usecs * 1000);
}

void mdelay(unsigned long msecs)
{
    ndelay(msecs * 1000000);
}

/* ---- the 6.2+ names and the rest of the timer API (kernel/time/timer.c) ---- */

int timer_delete(struct timer_list *timer)
{
    return del_timer(timer);
}

int timer_delete_sync(struct timer_list *timer)
{
    return del_timer_sync(timer);
}

/* Deactivates the timer for good: later mod_timer()/add_timer() calls do nothing. */
int timer_shutdown(struct timer_list *timer)
{
    int ret = del_timer(timer);

    timer->function = NULL;
    return ret;
}

int timer_shutdown_sync(struct timer_list *timer)
{
    int ret = del_timer_sync(timer);

    timer->function = NULL;
    return ret;
}

/* mod_timer() only if the timer is pending: an inactive timer is not re-armed */
int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
    return __mod_timer(timer, expires, MOD_TIMER_PENDING_ONLY);
}

/* moves the expiry earlier only */
int timer_reduce(struct timer_list *timer, unsigned long expires)
{
    if (timer_pending(timer) && !time_before(expires, timer->expires))
        return 1;
    return mod_timer(timer, expires);
}

/* add_timer() on a given CPU's timer base */
void add_timer_on(struct timer_list *timer, int cpu)
{
    unsigned long flags;
    struct timer_base *base;

    if (WARN_ON_ONCE(timer_pending(timer)))
        return;
    base = lock_timer_base(timer, &flags);
    if (!timer->function)
        goto out_unlock;        /* shut down */
    if (base != &timer_bases[cpu])
        base = switch_timer_base(timer, base, cpu);
    list_add_tail(&timer->entry, &base->timers);
    timer->pending = 1;
out_unlock:
    raw_spin_unlock_irqrestore(&base->lock, flags);
}

/* kernel/time/timer.c: msleep_interruptible() returns the milliseconds left when a signal
 * ends the sleep early; the model has no signals, so it sleeps the whole time and returns 0 */
unsigned long msleep_interruptible(unsigned int msecs)
{
    unsigned long timeout = msecs_to_jiffies(msecs) + 1;

    while (timeout && !signal_pending(current))
        timeout = schedule_timeout_interruptible(timeout);
    return jiffies_to_msecs(timeout);
}

void usleep_range_state(unsigned long min, unsigned long max, unsigned int state)
{
    usleep_range(min, max);
}

void fsleep(unsigned long usecs)
{
    if (usecs <= 10)
        udelay(usecs);
    else if (usecs <= 20000)
        usleep_range(usecs, 2 * usecs);
    else
        msleep(DIV_ROUND_UP(usecs, 1000));
}
