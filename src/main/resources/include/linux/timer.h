/* spinlab's model of <linux/timer.h>: jiffies-based timers, run from TIMER_SOFTIRQ. */
#ifndef _SPINLAB_LINUX_TIMER_H
#define _SPINLAB_LINUX_TIMER_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/jiffies.h>

struct timer_list {
    struct list_head entry;
    unsigned long expires;
    void (*function)(struct timer_list *);
    unsigned int flags;
    int pending;
};

#define from_timer(var, callback_timer, timer_fieldname) \
    container_of(callback_timer, typeof(*var), timer_fieldname)

/* timer_setup() flags; the low bits name the base the timer was last queued on (kernel/time/timer.c) */
#define TIMER_CPUMASK 0x0003FFFF
#define TIMER_MIGRATING 0x00040000
#define TIMER_DEFERRABLE 0x00080000
#define TIMER_PINNED 0x00100000
#define TIMER_IRQSAFE 0x00200000
#define TIMER_INIT_FLAGS (TIMER_DEFERRABLE | TIMER_PINNED | TIMER_IRQSAFE)

#define __TIMER_INITIALIZER(_name, _function, _flags) { \
    .entry = { &(_name).entry, &(_name).entry }, .function = (_function), .flags = (_flags) }
#define DEFINE_TIMER(_name, _function) \
    struct timer_list _name = __TIMER_INITIALIZER(_name, _function, 0)
#define timer_setup_on_stack(timer, callback, flags) timer_setup((timer), (callback), (flags))
#define destroy_timer_on_stack(timer) do { } while (0)

void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
void add_timer_on(struct timer_list *timer, int cpu);
int try_to_del_timer_sync(struct timer_list *timer);

#endif
