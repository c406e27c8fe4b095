/*
 * A module with no user program, as in LKMPG's timer examples: its timer beats every
 * 250 ms, BEATS times, and the run lasts until the last beat; then module_exit runs.
 * -DFOREVER: the timer re-arms for ever, so the run ends at --max-time (the normal end
 * when only modules are loaded) and module_exit stops it.
 * -DFORGET_DEL: module_exit frees the object holding the armed timer without deleting the
 * timer first; the timer then fires on freed memory.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/slab.h>

#ifndef BEATS
#define BEATS 4
#endif

struct heart {
    struct timer_list timer;
    int beats;
};

static struct heart *heart;

static void beat(struct timer_list *t)
{
    struct heart *h = from_timer(h, t, timer);
    h->beats++;
    pr_info("heartbeat: beat %d at jiffies %lu\n", h->beats, jiffies);
#ifdef FOREVER
    mod_timer(&h->timer, jiffies + msecs_to_jiffies(250));
#else
    if (h->beats < BEATS)
        mod_timer(&h->timer, jiffies + msecs_to_jiffies(250));
#endif
}

static int __init heartbeat_init(void)
{
    heart = kzalloc(sizeof(*heart), GFP_KERNEL);
    if (!heart)
        return -ENOMEM;
    timer_setup(&heart->timer, beat, 0);
    mod_timer(&heart->timer, jiffies + msecs_to_jiffies(250));
    pr_info("heartbeat: started\n");
    return 0;
}

static void __exit heartbeat_exit(void)
{
#ifndef FORGET_DEL
    del_timer_sync(&heart->timer);
#endif
    pr_info("heartbeat: stopped after %d beats\n", heart->beats);
    kfree(heart);
}

module_init(heartbeat_init);
module_exit(heartbeat_exit);
MODULE_LICENSE("GPL");
