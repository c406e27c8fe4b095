/*
 * Busy-waits for SpinSkipTest: ioctl 0 polls a flag its timer sets, 1 counts the rounds while
 * it polls, 2 first spins on the clock in a loop of its own, 3 first waits in mdelay().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/sched/clock.h>

static struct timer_list flag_timer;
static int flag;

static void flag_set(struct timer_list *t)
{
	WRITE_ONCE(flag, 1);
}

static long poll_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	unsigned long long t0 = local_clock();
	unsigned long rounds = 0;

	WRITE_ONCE(flag, 0);
	mod_timer(&flag_timer, jiffies + msecs_to_jiffies(20));
	if (cmd == 2) {
		while (local_clock() - t0 < 300000)
			cpu_relax();
		pr_info("poll: a 300 us clock loop took %llu ns\n", local_clock() - t0);
	}
	if (cmd == 3) {
		mdelay(3);
		pr_info("poll: mdelay(3) took %llu ns\n", local_clock() - t0);
	}
	while (!READ_ONCE(flag)) {
		if (cmd == 1)
			rounds++;
		cpu_relax();
	}
	pr_info("poll: cmd %u saw the flag at jiffies %lu after %lu counted rounds\n", cmd, jiffies, rounds);
	return 0;
}

static const struct file_operations poll_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = poll_ioctl,
};

static struct miscdevice poll_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "poll",
	.fops = &poll_fops,
};

static int __init poll_init(void)
{
	timer_setup(&flag_timer, flag_set, 0);
	return misc_register(&poll_dev);
}

static void __exit poll_exit(void)
{
	misc_deregister(&poll_dev);
	del_timer_sync(&flag_timer);
}

MODULE_LICENSE("GPL");
module_init(poll_init);
module_exit(poll_exit);
