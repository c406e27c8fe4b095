/*
 * kthreads: the life cycle of kernel threads, in the style of the kernel-module tutorials.
 *
 *   ticker  kthread_create() + wake_up_process(): loops until kthread_should_stop(), sleeping
 *           100 ms per round; kthread_stop() from write() returns the thread's result.
 *   oneshot kthread_run(): does its work and exits by itself with
 *           kthread_complete_and_exit(), signalling a completion the writer waits for.
 *   never   created and never woken: kthread_stop() wakes it only to let it exit, and
 *           returns -EINTR (-4) because its function never ran.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/completion.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/err.h>

static struct task_struct *ticker;
static struct task_struct *never;
static DECLARE_COMPLETION(oneshot_done);

static int ticker_fn(void *data)
{
	int rounds = 0;

	pr_info("kthreads: %s (pid %d) started, in_task()=%d\n", current->comm, current->pid, in_task() ? 1 : 0);
	while (!kthread_should_stop()) {
		rounds++;
		msleep(100);
	}
	pr_info("kthreads: %s stopping after %d rounds\n", current->comm, rounds);
	return rounds;
}

static int oneshot_fn(void *data)
{
	int *arg = data;

	pr_info("kthreads: %s got %d\n", current->comm, *arg);
	ssleep(1);
	kthread_complete_and_exit(&oneshot_done, 0);
}

static int never_fn(void *data)
{
	pr_info("kthreads: never_fn ran (it should not)\n");
	return 0;
}

static int oneshot_arg = 7;

static ssize_t kthreads_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	int ret;

	wait_for_completion(&oneshot_done);
	pr_info("kthreads: oneshot completed\n");
	ret = kthread_stop(ticker);
	pr_info("kthreads: kthread_stop(ticker) = %d\n", ret);
	ret = kthread_stop(never);
	pr_info("kthreads: kthread_stop(never) = %d\n", ret);
	return len;
}

static const struct file_operations kthreads_fops = {
	.owner = THIS_MODULE,
	.write = kthreads_write,
};

static struct miscdevice kthreads_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "kthreads",
	.fops = &kthreads_fops,
};

static int __init kthreads_init(void)
{
	struct task_struct *t;
	int ret = misc_register(&kthreads_dev);

	if (ret)
		return ret;
	ticker = kthread_create(ticker_fn, NULL, "ticker/%d", 0);
	if (IS_ERR(ticker))
		return PTR_ERR(ticker);
	pr_info("kthreads: created %s, state %s\n", ticker->comm,
		ticker->__state == TASK_UNINTERRUPTIBLE ? "TASK_UNINTERRUPTIBLE" : "other");
	wake_up_process(ticker);
	t = kthread_run(oneshot_fn, &oneshot_arg, "oneshot");
	if (IS_ERR(t))
		return PTR_ERR(t);
	never = kthread_create(never_fn, NULL, "never");
	return 0;
}

module_init(kthreads_init);
MODULE_LICENSE("GPL");
