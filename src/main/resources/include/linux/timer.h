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

void timer_setup(struct timer_list *timer, void (*callback)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);

#endif
