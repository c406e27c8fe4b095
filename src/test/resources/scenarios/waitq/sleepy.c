/*
 * sleepy: wait queues as LDD3's sleepy driver uses them, with the value forms of the 6.6
 * macros. read() sleeps in wait_event_interruptible() until a write() sets the flag and
 * calls wake_up_interruptible_sync(); a reader given "timeout" as its first byte of buffer
 * waits at most 300 ms with wait_event_interruptible_timeout() and reports the jiffies left
 * (0: timed out). A manual prepare_to_wait()/schedule()/finish_wait() loop waits for the
 * writer count to reach 2.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/jiffies.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>

static DECLARE_WAIT_QUEUE_HEAD(sleepy_wq);
static wait_queue_head_t count_wq;
static int flag;
static int writes;

static ssize_t sleepy_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char mode = 0;
	long left;

	if (count && get_user(mode, buf))
		return -EFAULT;
	if (mode == 't') {
		left = wait_event_interruptible_timeout(sleepy_wq, flag != 0, msecs_to_jiffies(300));
		pr_info("sleepy: %s (pid %d) waited with a timeout: %ld jiffies left\n", current->comm,
			current->pid, left);
		return 0;
	}
	if (mode == 'c') {
		DEFINE_WAIT(wait);

		for (;;) {
			prepare_to_wait(&count_wq, &wait, TASK_INTERRUPTIBLE);
			if (writes >= 2)
				break;
			schedule();
		}
		finish_wait(&count_wq, &wait);
		pr_info("sleepy: %s saw %d writes\n", current->comm, writes);
		return 0;
	}
	pr_info("sleepy: process %d (%s) going to sleep\n", current->pid, current->comm);
	if (wait_event_interruptible(sleepy_wq, flag != 0))
		return -ERESTARTSYS;
	flag = 0;
	pr_info("sleepy: awoken %d (%s)\n", current->pid, current->comm);
	return 0;
}

static ssize_t sleepy_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	pr_info("sleepy: process %d (%s) awakening the readers...\n", current->pid, current->comm);
	flag = 1;
	writes++;
	wake_up_interruptible_sync(&sleepy_wq);
	wake_up(&count_wq);
	return count;
}

static const struct file_operations sleepy_fops = {
	.owner = THIS_MODULE,
	.read = sleepy_read,
	.write = sleepy_write,
};

static struct miscdevice sleepy_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sleepy",
	.fops = &sleepy_fops,
};

static int __init sleepy_init(void)
{
	init_waitqueue_head(&count_wq);
	return misc_register(&sleepy_dev);
}

module_init(sleepy_init);
MODULE_LICENSE("GPL");
