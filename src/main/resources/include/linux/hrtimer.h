/*
 * spinlab's model of <linux/hrtimer.h> (implementation in kernel/time/hrtimer.c): high
 * resolution timers in high-resolution mode. Each CPU has a clock event device (a compare
 * register the machine watches, like the ARM generic timer's CVAL): when the clock passes it,
 * the machine raises the per-CPU hrtimer interrupt and hrtimer_interrupt() expires the timers.
 * A timer started with a _HARD mode or with neither _SOFT nor _HARD (non-PREEMPT_RT) runs its
 * callback in hardirq context with interrupts off; a _SOFT timer runs from HRTIMER_SOFTIRQ.
 * A timer runs on the CPU that started it.
 *
 * Limitation: spinlab check does not fire hrtimers (its search fires only jiffies timers).
 */
#ifndef _SPINLAB_LINUX_HRTIMER_H
#define _SPINLAB_LINUX_HRTIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/ktime.h>
#include <linux/time.h>

enum hrtimer_mode {
    HRTIMER_MODE_ABS = 0x00,
    HRTIMER_MODE_REL = 0x01,
    HRTIMER_MODE_PINNED = 0x02,
    HRTIMER_MODE_SOFT = 0x04,
    HRTIMER_MODE_HARD = 0x08,

    HRTIMER_MODE_ABS_PINNED = HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
    HRTIMER_MODE_REL_PINNED = HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,
    HRTIMER_MODE_ABS_SOFT = HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
    HRTIMER_MODE_REL_SOFT = HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
    HRTIMER_MODE_ABS_PINNED_SOFT = HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_SOFT,
    HRTIMER_MODE_REL_PINNED_SOFT = HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_SOFT,
    HRTIMER_MODE_ABS_HARD = HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
    HRTIMER_MODE_REL_HARD = HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
    HRTIMER_MODE_ABS_PINNED_HARD = HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_HARD,
    HRTIMER_MODE_REL_PINNED_HARD = HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_HARD
};

enum hrtimer_restart {
    HRTIMER_NORESTART,
    HRTIMER_RESTART
};

#define HRTIMER_STATE_INACTIVE 0x00
#define HRTIMER_STATE_ENQUEUED 0x01

struct hrtimer {
    struct list_head node;          /* on its CPU's queue, soonest first */
    ktime_t _softexpires;
    ktime_t expires;
    enum hrtimer_restart (*function)(struct hrtimer *);
    int cpu;                        /* the CPU whose queue holds it, or -1 */
    clockid_t clockid;
    u8 state;
    u8 is_rel;
    u8 is_soft;
    u8 is_hard;
};

struct hrtimer_sleeper {
    struct hrtimer timer;
    struct task_struct *task;
};

extern unsigned int hrtimer_resolution;

void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
void hrtimer_init_sleeper(struct hrtimer_sleeper *sl, clockid_t clock_id, enum hrtimer_mode mode);
#define hrtimer_init_on_stack(timer, clock, mode) hrtimer_init((timer), (clock), (mode))
#define destroy_hrtimer_on_stack(timer) do { } while (0)
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode);
void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode);
void hrtimer_start_expires(struct hrtimer *timer, enum hrtimer_mode mode);
void hrtimer_restart(struct hrtimer *timer);
int hrtimer_cancel(struct hrtimer *timer);
int hrtimer_try_to_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval);
ktime_t hrtimer_get_remaining(const struct hrtimer *timer);
bool hrtimer_active(const struct hrtimer *timer);
ktime_t hrtimer_cb_get_time(struct hrtimer *timer);
long schedule_hrtimeout(ktime_t *expires, const enum hrtimer_mode mode);
long schedule_hrtimeout_range(ktime_t *expires, u64 delta, const enum hrtimer_mode mode);

static inline bool hrtimer_is_queued(struct hrtimer *timer)
{
    return !!(timer->state & HRTIMER_STATE_ENQUEUED);
}

static inline void hrtimer_set_expires(struct hrtimer *timer, ktime_t time)
{
    timer->expires = time;
    timer->_softexpires = time;
}

static inline void hrtimer_set_expires_range_ns(struct hrtimer *timer, ktime_t time, u64 delta)
{
    timer->_softexpires = time;
    timer->expires = time + delta;
}

static inline void hrtimer_add_expires(struct hrtimer *timer, ktime_t time)
{
    timer->expires = ktime_add(timer->expires, time);
    timer->_softexpires = ktime_add(timer->_softexpires, time);
}

static inline void hrtimer_add_expires_ns(struct hrtimer *timer, u64 ns)
{
    timer->expires = ktime_add_ns(timer->expires, ns);
    timer->_softexpires = ktime_add_ns(timer->_softexpires, ns);
}

static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer)
{
    return timer->expires;
}

static inline ktime_t hrtimer_get_softexpires(const struct hrtimer *timer)
{
    return timer->_softexpires;
}

static inline s64 hrtimer_get_expires_tv64(const struct hrtimer *timer)
{
    return timer->expires;
}

static inline s64 hrtimer_get_expires_ns(const struct hrtimer *timer)
{
    return ktime_to_ns(timer->expires);
}

static inline ktime_t hrtimer_expires_remaining(const struct hrtimer *timer)
{
    return ktime_sub(timer->expires, ktime_get());
}

#ifdef CONFIG_PREEMPT_RT
/* kernel/time/hrtimer.c's PREEMPT_RT start: the hard bit is what must match */
void rt_hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 delta_ns, const enum hrtimer_mode mode);
#endif

#endif
