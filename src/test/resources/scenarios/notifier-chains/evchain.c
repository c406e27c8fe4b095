/*
 * An event source with listeners on notifier chains, in the style of the drivers that tell
 * other code about their events (watchdogs, reboot hooks): /dev/evchain's write() sends the
 * number written through an atomic chain, its ioctl() through a blocking chain, and a timer
 * sends a tick through the atomic chain from softirq context. The reboot notifier is only
 * registered: nothing in a run reboots in order.
 */
#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/reboot.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/kernel.h>

static ATOMIC_NOTIFIER_HEAD(ev_atomic);
static BLOCKING_NOTIFIER_HEAD(ev_blocking);

static int low_call(struct notifier_block *nb, unsigned long ev, void *data)
{
	pr_info("evchain: low   (prio %d) got %lu\n", nb->priority, ev);
	return NOTIFY_OK;
}

static int first_call(struct notifier_block *nb, unsigned long ev, void *data)
{
	pr_info("evchain: first (prio %d) got %lu\n", nb->priority, ev);
	if (ev == 42)
		return NOTIFY_STOP;	/* the rest of the chain does not see 42 */
	return NOTIFY_OK;
}

static int second_call(struct notifier_block *nb, unsigned long ev, void *data)
{
	pr_info("evchain: second (prio %d) got %lu\n", nb->priority, ev);
	return NOTIFY_DONE;
}

static int veto_call(struct notifier_block *nb, unsigned long ev, void *data)
{
	pr_info("evchain: veto got %lu in process context: %d\n", ev, !in_interrupt());
	return ev > 100 ? notifier_from_errno(-EINVAL) : NOTIFY_OK;
}

static int reboot_call(struct notifier_block *nb, unsigned long code, void *unused)
{
	if (code == SYS_DOWN || code == SYS_HALT)
		pr_info("evchain: going down\n");
	return NOTIFY_DONE;
}

/* registered low, first, second: a call runs first and second (priority 10, in that order), then low */
static struct notifier_block low_nb = { .notifier_call = low_call, .priority = 0 };
static struct notifier_block first_nb = { .notifier_call = first_call, .priority = 10 };
static struct notifier_block second_nb = { .notifier_call = second_call, .priority = 10 };
static struct notifier_block veto_nb = { .notifier_call = veto_call };
static struct notifier_block reboot_nb = { .notifier_call = reboot_call };

static struct timer_list tick_timer;

static void tick(struct timer_list *t)
{
	int ret = atomic_notifier_call_chain(&ev_atomic, 7, NULL);

	pr_info("evchain: tick in softirq %d, chain returned %#x\n", !!in_softirq(), ret);
}

static ssize_t ev_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	unsigned long ev;
	int ret = kstrtoul_from_user(buf, count, 10, &ev);

	if (ret)
		return ret;
	ret = atomic_notifier_call_chain(&ev_atomic, ev, NULL);
	pr_info("evchain: event %lu: chain returned %#x\n", ev, ret);
	return count;
}

static long ev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int ret = blocking_notifier_call_chain(&ev_blocking, arg, NULL);

	return notifier_to_errno(ret);
}

static const struct file_operations ev_fops = {
	.owner = THIS_MODULE,
	.write = ev_write,
	.unlocked_ioctl = ev_ioctl,
};

static struct miscdevice ev_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "evchain",
	.fops = &ev_fops,
};

static int __init evchain_init(void)
{
	int ret;

	ret = register_reboot_notifier(&reboot_nb);
	if (ret)
		return ret;
	atomic_notifier_chain_register(&ev_atomic, &low_nb);
	atomic_notifier_chain_register(&ev_atomic, &first_nb);
	atomic_notifier_chain_register(&ev_atomic, &second_nb);
	ret = atomic_notifier_chain_register(&ev_atomic, &first_nb);
	pr_info("evchain: registering first_nb again: %d\n", ret);
	blocking_notifier_chain_register(&ev_blocking, &veto_nb);

	timer_setup(&tick_timer, tick, 0);
	mod_timer(&tick_timer, jiffies + HZ / 10);
	ret = misc_register(&ev_misc);
	if (ret) {
		timer_shutdown_sync(&tick_timer);
		unregister_reboot_notifier(&reboot_nb);
	}
	return ret;
}

static void __exit evchain_exit(void)
{
	misc_deregister(&ev_misc);
	timer_shutdown_sync(&tick_timer);
	blocking_notifier_chain_unregister(&ev_blocking, &veto_nb);
	atomic_notifier_chain_unregister(&ev_atomic, &second_nb);
	atomic_notifier_chain_unregister(&ev_atomic, &first_nb);
	atomic_notifier_chain_unregister(&ev_atomic, &low_nb);
	pr_info("evchain: unregistering low_nb again: %d\n",
		atomic_notifier_chain_unregister(&ev_atomic, &low_nb));
	pr_info("evchain: atomic chain empty: %d\n", atomic_notifier_call_chain_is_empty(&ev_atomic));
	unregister_reboot_notifier(&reboot_nb);
}

module_init(evchain_init);
module_exit(evchain_exit);
MODULE_LICENSE("GPL");
