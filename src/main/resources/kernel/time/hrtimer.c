/*
 * spinlab's model of kernel/time/hrtimer.c in high-resolution mode. Each CPU keeps its armed
 * hrtimers on one queue, soonest first, under its base lock, and programs its clock event
 * device (spinlab_hrtimer_compare[cpu], a compare register the machine watches) for the
 * soonest expiry. The device's interrupt runs hrtimer_interrupt() in hardirq context: expired
 * hard timers run there with interrupts off; expired soft timers (HRTIMER_MODE_SOFT) are left
 * to HRTIMER_SOFTIRQ. A callback that returns HRTIMER_RESTART is queued again at the expiry it
 * set (hrtimer_forward*()). hrtimer_cancel() waits for a running callback, as the kernel's does.
 */
#include <linux/kernel.h>
#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/list.h>

struct hrtimer_cpu_base {
    raw_spinlock_t lock;
    struct list_head active;        /* enqueued timers, soonest expiry first */
    struct hrtimer *running;        /* the timer whose callback runs now */
    bool softirq_pending;
};

static struct hrtimer_cpu_base hrtimer_bases[NR_CPUS];
static int hrtimer_bases_ready;

/* The per-CPU clock event devices' compare registers: 0 is off, else the time in ns. */
u64 spinlab_hrtimer_compare[NR_CPUS];

/* high resolution mode: HIGH_RES_NSEC */
unsigned int hrtimer_resolution = 1;

static void hrtimer_run_softirq(struct softirq_action *h);

/* hrtimers_init(), done when the first hrtimer is initialised (the boot does not need it) */
static void hrtimers_prepare(void)
{
    int cpu;

    if (hrtimer_bases_ready)
        return;
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        raw_spin_lock_init(&hrtimer_bases[cpu].lock);
        INIT_LIST_HEAD(&hrtimer_bases[cpu].active);
    }
    open_softirq(HRTIMER_SOFTIRQ, hrtimer_run_softirq);
    hrtimer_bases_ready = 1;
}

void hrtimer_init(struct hrtimer *timer, clockid_t clock_id, enum hrtimer_mode mode)
{ __PREEMPT_RT_ONLY(if (!(mode & HRTIMER_MODE_HARD)) mode |= HRTIMER_MODE_SOFT;)
    hrtimers_prepare();
    memset(timer, 0, sizeof(struct hrtimer));
    if (clock_id == CLOCK_REALTIME && (mode & HRTIMER_MODE_REL))
        clock_id = CLOCK_MONOTONIC;
    timer->clockid = clock_id;
    timer->is_soft = !!(mode & HRTIMER_MODE_SOFT);
    timer->is_hard = !!(mode & HRTIMER_MODE_HARD);
    timer->cpu = -1;
    INIT_LIST_HEAD(&timer->node);
}

/* the base the timer is queued on (or this CPU's), locked; the timer may move while we wait */
static struct hrtimer_cpu_base *lock_hrtimer_base(const struct hrtimer *timer, unsigned long *flags)
{
    for (;;) {
        int cpu = READ_ONCE(timer->cpu);
        struct hrtimer_cpu_base *base = &hrtimer_bases[cpu < 0 ? smp_processor_id() : cpu];

        raw_spin_lock_irqsave(&base->lock, *flags);
        if (READ_ONCE(timer->cpu) == cpu)
            return base;
        raw_spin_unlock_irqrestore(&base->lock, *flags);
    }
}

/*
 * Programs this CPU's clock event device for the soonest expiry (0: nothing queued). While
 * the HRTIMER softirq is pending, soft timers are left out (the kernel's softirq_activated):
 * they wait for the softirq, not for another interrupt.
 */
static void hrtimer_reprogram(struct hrtimer_cpu_base *base, int cpu)
{
    struct list_head *pos;
    u64 next = 0;

    for (pos = base->active.next; pos != &base->active; pos = pos->next) {
        struct hrtimer *t = list_entry(pos, struct hrtimer, node);
        if (t->is_soft && base->softirq_pending)
            continue;
        next = t->expires > 0 ? t->expires : 1;
        break;
    }
    spinlab_hrtimer_compare[cpu] = next;
}

static void enqueue_hrtimer(struct hrtimer *timer, struct hrtimer_cpu_base *base, int cpu)
{
    struct list_head *pos;

    for (pos = base->active.next; pos != &base->active; pos = pos->next) {
        struct hrtimer *t = list_entry(pos, struct hrtimer, node);
        if (timer->expires < t->expires)
            break;
    }
    list_add_tail(&timer->node, pos);
    timer->cpu = cpu;
    timer->state = HRTIMER_STATE_ENQUEUED;
}

/* 1 if the timer was queued (and is not now) */
static int remove_hrtimer(struct hrtimer *timer, struct hrtimer_cpu_base *base, int cpu)
{
    if (!(timer->state & HRTIMER_STATE_ENQUEUED))
        return 0;
    list_del_init(&timer->node);
    timer->state = HRTIMER_STATE_INACTIVE;
    hrtimer_reprogram(base, cpu);
    return 1;
}

void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns, const enum hrtimer_mode mode)
{ __PREEMPT_RT_ONLY(rt_hrtimer_start_range_ns(timer, tim, delta_ns, mode); return;)
    struct hrtimer_cpu_base *base;
    unsigned long flags;
    int cpu;

    /* a soft timer must be started in a soft mode and a hard one in a hard mode */
    WARN_ON_ONCE(!(mode & HRTIMER_MODE_SOFT) ^ !timer->is_soft);
    base = lock_hrtimer_base(timer, &flags);
    if (timer->state & HRTIMER_STATE_ENQUEUED)
        remove_hrtimer(timer, base, timer->cpu);
    raw_spin_unlock(&base->lock);

    cpu = smp_processor_id();
    base = &hrtimer_bases[cpu];
    raw_spin_lock(&base->lock);
    if (mode & HRTIMER_MODE_REL)
        tim = ktime_add(tim, ktime_get());
    timer->is_rel = !!(mode & HRTIMER_MODE_REL);
    hrtimer_set_expires_range_ns(timer, tim, delta_ns);
    enqueue_hrtimer(timer, base, cpu);
    hrtimer_reprogram(base, cpu);
    raw_spin_unlock_irqrestore(&base->lock, flags);
}

void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{
    hrtimer_start_range_ns(timer, tim, 0, mode);
}

void hrtimer_start_expires(struct hrtimer *timer, enum hrtimer_mode mode)
{
    u64 delta = ktime_to_ns(ktime_sub(timer->expires, timer->_softexpires));

    hrtimer_start_range_ns(timer, timer->_softexpires, delta, mode);
}

void hrtimer_restart(struct hrtimer *timer)
{
    hrtimer_start_expires(timer, HRTIMER_MODE_ABS);
}

static bool hrtimer_callback_running(const struct hrtimer *timer)
{
    return timer->cpu >= 0 && hrtimer_bases[timer->cpu].running == timer;
}

bool hrtimer_active(const struct hrtimer *timer)
{
    return timer->state != HRTIMER_STATE_INACTIVE || hrtimer_callback_running(timer);
}

/* 1: dequeued; 0: was not active; -1: its callback is running (cannot be stopped now) */
int hrtimer_try_to_cancel(struct hrtimer *timer)
{
    struct hrtimer_cpu_base *base;
    unsigned long flags;
    int ret = -1;

    if (!hrtimer_active(timer))
        return 0;
    base = lock_hrtimer_base(timer, &flags);
    if (!hrtimer_callback_running(timer))
        ret = remove_hrtimer(timer, base, timer->cpu);
    raw_spin_unlock_irqrestore(&base->lock, flags);
    return ret;
}

int hrtimer_cancel(struct hrtimer *timer)
{
    int ret;

    do {
        ret = hrtimer_try_to_cancel(timer);
        if (ret < 0)
            cpu_relax();    /* hrtimer_cancel_wait_running(): the callback finishes first */
    } while (ret < 0);
    return ret;
}

u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
    u64 orun = 1;
    ktime_t delta;

    delta = ktime_sub(now, hrtimer_get_expires(timer));
    if (delta < 0)
        return 0;
    if (WARN_ON(timer->state & HRTIMER_STATE_ENQUEUED))
        return 0;
    if (interval < hrtimer_resolution)
        interval = hrtimer_resolution;
    if (delta >= interval) {
        s64 incr = ktime_to_ns(interval);

        orun = ktime_divns(delta, incr);
        hrtimer_add_expires_ns(timer, incr * orun);
        if (hrtimer_get_expires_tv64(timer) > now)
            return orun;
        orun++;
    }
    hrtimer_add_expires(timer, interval);
    return orun;
}

u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{
    return hrtimer_forward(timer, ktime_get(), interval);
}

ktime_t hrtimer_get_remaining(const struct hrtimer *timer)
{
    return ktime_sub(timer->expires, ktime_get());
}

ktime_t hrtimer_cb_get_time(struct hrtimer *timer)
{
    return ktime_get();
}

/* runs one expired timer's callback with the base unlocked; requeues it on HRTIMER_RESTART */
static void __run_hrtimer(struct hrtimer_cpu_base *base, int cpu, struct hrtimer *timer, unsigned long *flags)
{
    enum hrtimer_restart (*fn)(struct hrtimer *);
    enum hrtimer_restart restart;
    int expires_in_hardirq;

    base->running = timer;
    list_del_init(&timer->node);
    timer->state = HRTIMER_STATE_INACTIVE;
    fn = timer->function;
    raw_spin_unlock_irqrestore(&base->lock, *flags);
    /* a timer not marked HARD runs as it would on PREEMPT_RT (softirq): irq_config for lockdep */
    expires_in_hardirq = lockdep_hrtimer_enter(timer);
    restart = fn(timer);
    lockdep_hrtimer_exit(expires_in_hardirq);
    raw_spin_lock_irq(&base->lock);
    if (restart != HRTIMER_NORESTART && !(timer->state & HRTIMER_STATE_ENQUEUED))
        enqueue_hrtimer(timer, base, cpu);
    base->running = NULL;
}

/* expires the queue's due timers of one kind (soft or hard); 1 if due soft timers remain */
static int __hrtimer_run_queues(struct hrtimer_cpu_base *base, int cpu, ktime_t now, unsigned long flags, bool soft)
{
    int soft_due = 0;
    int again = 1;

    while (again) {
        struct list_head *pos;

        again = 0;
        for (pos = base->active.next; pos != &base->active; pos = pos->next) {
            struct hrtimer *timer = list_entry(pos, struct hrtimer, node);
            if (timer->_softexpires > now)
                break;
            if (timer->is_soft != soft) {
                soft_due |= timer->is_soft;
                continue;
            }
            __run_hrtimer(base, cpu, timer, &flags);
            again = 1;      /* the queue changed under the callback: look again from the start */
            break;
        }
    }
    return soft_due;
}

/* The clock event device's interrupt (hardirq context, interrupts off). */
void hrtimer_interrupt(void)
{
    int cpu = smp_processor_id();
    struct hrtimer_cpu_base *base = &hrtimer_bases[cpu];
    unsigned long flags;

    if (!hrtimer_bases_ready)
        return;
    raw_spin_lock_irqsave(&base->lock, flags);
    if (__hrtimer_run_queues(base, cpu, ktime_get(), flags, false) && !base->softirq_pending) {
        base->softirq_pending = true;
        raise_softirq_irqoff(HRTIMER_SOFTIRQ);
    }
    hrtimer_reprogram(base, cpu);
    raw_spin_unlock_irqrestore(&base->lock, flags);
}

static void hrtimer_run_softirq(struct softirq_action *h)
{
    int cpu = smp_processor_id();
    struct hrtimer_cpu_base *base = &hrtimer_bases[cpu];
    unsigned long flags;

    raw_spin_lock_irqsave(&base->lock, flags);
    base->softirq_pending = false;
    __hrtimer_run_queues(base, cpu, ktime_get(), flags, true);
    hrtimer_reprogram(base, cpu);
    raw_spin_unlock_irqrestore(&base->lock, flags);
}

/* ---- sleeping on an hrtimer ---- */

static enum hrtimer_restart hrtimer_wakeup(struct hrtimer *timer)
{
    struct hrtimer_sleeper *t = container_of(timer, struct hrtimer_sleeper, timer);
    struct task_struct *task = t->task;

    t->task = NULL;
    if (task)
        wake_up_process(task);
    return HRTIMER_NORESTART;
}

void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id, enum hrtimer_mode mode)
{ __PREEMPT_RT_ONLY(if (current->policy == SCHED_FIFO && !(mode & HRTIMER_MODE_SOFT)) mode |= HRTIMER_MODE_HARD;)
    hrtimer_init(&sl->timer, clock_id, mode);
    sl->timer.function = hrtimer_wakeup;
    sl->task = current;
}

long schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode)
{
    struct hrtimer_sleeper t;

    if (expires && *expires == 0) {
        __set_current_state(TASK_RUNNING);
        return 0;
    }
    if (!expires) {
        schedule();
        return -EINTR;
    }
    hrtimer_init_sleeper(&t, CLOCK_MONOTONIC, mode);
    hrtimer_set_expires_range_ns(&t.timer, *expires, delta);
    hrtimer_start_expires(&t.timer, mode);
    if (t.task)
        schedule();
    hrtimer_cancel(&t.timer);
    __set_current_state(TASK_RUNNING);
    return !t.task ? 0 : -EINTR;
}

long schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode)
{
    return schedule_hrtimeout_range(expires, 0, mode);
}

#ifdef CONFIG_PREEMPT_RT
/*
 * ---- PREEMPT_RT ----
 * __hrtimer_init() moves every timer not started HRTIMER_MODE_*_HARD to soft expiry (the
 * HRTIMER softirq, which RT runs in task context), since a callback may take a spinlock_t;
 * hrtimer_init_sleeper() keeps a real-time task's sleep timers hard (above). So
 * hrtimer_start_range_ns() checks the hard bit, not the soft one, as upstream does under RT.
 */
void rt_hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns, const enum hrtimer_mode mode)
{
    struct hrtimer_cpu_base *base;
    unsigned long flags;
    int cpu;

    WARN_ON_ONCE(!(mode & HRTIMER_MODE_HARD) ^ !timer->is_hard);
    base = lock_hrtimer_base(timer, &flags);
    if (timer->state & HRTIMER_STATE_ENQUEUED)
        remove_hrtimer(timer, base, timer->cpu);
    raw_spin_unlock(&base->lock);

    cpu = smp_processor_id();
    base = &hrtimer_bases[cpu];
    raw_spin_lock(&base->lock);
    if (mode & HRTIMER_MODE_REL)
        tim = ktime_add(tim, ktime_get());
    timer->is_rel = !!(mode & HRTIMER_MODE_REL);
    hrtimer_set_expires_range_ns(timer, tim, delta_ns);
    enqueue_hrtimer(timer, base, cpu);
    hrtimer_reprogram(base, cpu);
    raw_spin_unlock_irqrestore(&base->lock, flags);
}
#endif
