/*
 * sametimer: the handler of line 11 re-arms one timer, due now, on the CPU it runs on; the
 * timer's callback increments a plain word with no lock. Raised twice with interrupts
 * delivered to any CPU of two, the second mod_timer() can come from the other CPU while the
 * callback runs: the kernel's __mod_timer (kernel/time/timer.c) leaves a running timer on
 * its base then, so the callback never runs on two CPUs at once: no data race on the word.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

static struct timer_list sametimer;
static unsigned long fired;

static void sametimer_fn(struct timer_list *t)
{
	fired++;
}

static irqreturn_t sametimer_interrupt(int irq, void *dev_id)
{
	mod_timer(&sametimer, jiffies);
	return IRQ_HANDLED;
}

static int __init sametimer_init(void)
{
	timer_setup(&sametimer, sametimer_fn, 0);
	return request_irq(11, sametimer_interrupt, 0, "sametimer", &fired);
}

MODULE_LICENSE("GPL");
module_init(sametimer_init);
