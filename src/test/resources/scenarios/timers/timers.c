/*
 * timers: jiffies timers as the tutorials use them. A periodic timer (timer_setup, mod_timer
 * every 200 ms) runs in softirq context and counts; a DEFINE_TIMER one-shot fires once;
 * release() shows del_timer()'s return value (1: was pending), timer_shutdown_sync() (the
 * callback's later mod_timer() is ignored) and the jiffies helpers.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

struct ticker {
	struct timer_list timer;
	unsigned long period;
	int count;
};

static struct ticker ticker;
static unsigned long loaded_at;

static void oneshot_fn(struct timer_list *t);
static DEFINE_TIMER(oneshot, oneshot_fn);

static void oneshot_fn(struct timer_list *t)
{
	pr_info("timers: one-shot after %u ms, in_serving_softirq()=%d\n",
		jiffies_to_msecs(jiffies - loaded_at), in_serving_softirq() ? 1 : 0);
}

static void ticker_fn(struct timer_list *t)
{
	struct ticker *tk = from_timer(tk, t, timer);

	tk->count++;
	pr_info("timers: tick %d at %u ms\n", tk->count, jiffies_to_msecs(jiffies - loaded_at));
	mod_timer(&tk->timer, jiffies + tk->period);
}

static int timers_release(struct inode *inode, struct file *file)
{
	unsigned long deadline = loaded_at + msecs_to_jiffies(1000);
	int pending = timer_pending(&ticker.timer);
	int ret;

	pr_info("timers: time_after(jiffies, loaded+1s)=%d time_before=%d, jiffies_64 - loaded = %llu\n",
		time_after(jiffies, deadline) ? 1 : 0, time_before(jiffies, deadline) ? 1 : 0,
		get_jiffies_64() - loaded_at);
	ret = timer_shutdown_sync(&ticker.timer);
	pr_info("timers: pending=%d, timer_shutdown_sync()=%d after %d ticks\n", pending, ret, ticker.count);
	mod_timer(&ticker.timer, jiffies + 1);	/* ignored: the timer is shut down */
	pr_info("timers: after mod_timer on a shut-down timer: pending=%d\n", timer_pending(&ticker.timer));
	pr_info("timers: del_timer(oneshot)=%d (it already ran)\n", del_timer(&oneshot));
	pr_info("timers: HZ=%d, msecs_to_jiffies(1001)=%lu, usecs_to_jiffies(15000)=%lu\n", HZ,
		msecs_to_jiffies(1001), usecs_to_jiffies(15000));
	return 0;
}

static const struct file_operations timers_fops = {
	.owner = THIS_MODULE,
	.release = timers_release,
};

static struct miscdevice timers_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "timers",
	.fops = &timers_fops,
};

static int __init timers_init(void)
{
	int ret = misc_register(&timers_dev);

	if (ret)
		return ret;
	loaded_at = jiffies;
	ticker.period = msecs_to_jiffies(200);
	timer_setup(&ticker.timer, ticker_fn, 0);
	mod_timer(&ticker.timer, jiffies + ticker.period);
	oneshot.expires = jiffies + msecs_to_jiffies(500);
	add_timer(&oneshot);
	pr_info("timers: loaded, period %lu jiffies\n", ticker.period);
	return 0;
}

module_init(timers_init);
MODULE_LICENSE("GPL");
