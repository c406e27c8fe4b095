/*
 * swdog: a software watchdog on the watchdog core, in the manner of drivers/watchdog/softdog.c
 * but written for this corpus. start/ping (re)arm a timer for `timeout` seconds; stop deletes
 * it. If user space stops pinging, the timer fires: "Initiating system reboot" and
 * emergency_restart() — or, built with -DSWDOG_PANIC, panic().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/watchdog.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/reboot.h>

#define TIMER_MARGIN 10		/* default timeout, seconds */

static struct timer_list swdog_ticktock;

static void swdog_fire(struct timer_list *t)
{
#ifdef SWDOG_PANIC
	pr_crit("swdog: Initiating panic\n");
	panic("Software Watchdog Timer expired");
#else
	pr_crit("swdog: Initiating system reboot\n");
	emergency_restart();
	pr_crit("swdog: Reboot didn't ?????\n");
#endif
}

static int swdog_ping(struct watchdog_device *w)
{
	mod_timer(&swdog_ticktock, jiffies + w->timeout * HZ);
	return 0;
}

static int swdog_stop(struct watchdog_device *w)
{
	del_timer(&swdog_ticktock);
	return 0;
}

static const struct watchdog_info swdog_info = {
	.identity = "Software Watchdog",
	.options = WDIOF_SETTIMEOUT | WDIOF_KEEPALIVEPING | WDIOF_MAGICCLOSE,
};

static const struct watchdog_ops swdog_ops = {
	.owner = THIS_MODULE,
	.start = swdog_ping,
	.stop = swdog_stop,
};

static struct watchdog_device swdog_dev = {
	.info = &swdog_info,
	.ops = &swdog_ops,
	.min_timeout = 1,
	.max_timeout = 65535,
	.timeout = TIMER_MARGIN,
};

static int __init swdog_init(void)
{
	int ret;

	watchdog_init_timeout(&swdog_dev, 70000, NULL);	/* out of range: the default stays */
	watchdog_set_nowayout(&swdog_dev, WATCHDOG_NOWAYOUT);
	timer_setup(&swdog_ticktock, swdog_fire, 0);
	ret = watchdog_register_device(&swdog_dev);
	if (ret)
		return ret;
	pr_info("swdog: initialized, timeout %u s, watchdog%d\n", swdog_dev.timeout, swdog_dev.id);
	return 0;
}

module_init(swdog_init);
MODULE_LICENSE("GPL");
