/*
 * onlyone: a /proc file only one process may hold open at a time, as the tutorials' "putting
 * processes to sleep" example does. A second opener sleeps on a wait queue until the holder
 * closes, or, with O_NONBLOCK, fails at once with -EAGAIN. While it waits it checks for
 * signals the old way, reading current->pending against current->blocked (the model has no
 * signals, so it never finds one), and keeps a module reference while the file is open.
 * A write stores a message that reads give back.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/wait.h>
#include <linux/uaccess.h>
#include <linux/atomic.h>
#include <linux/version.h>
#include <linux/fcntl.h>

#define MSG_LEN 80
#define PROC_NAME "onlyone"

#if LINUX_VERSION_CODE >= KERNEL_VERSION(5, 6, 0)
#define HAVE_PROC_OPS
#endif

static char message[MSG_LEN];
static atomic_t already_open = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(waitq);
static struct proc_dir_entry *entry;

static ssize_t onlyone_read(struct file *file, char __user *buf, size_t len, loff_t *off)
{
	return simple_read_from_buffer(buf, len, off, message, strnlen(message, MSG_LEN));
}

static ssize_t onlyone_write(struct file *file, const char __user *buf, size_t len, loff_t *off)
{
	if (len >= MSG_LEN)
		len = MSG_LEN - 1;
	if (copy_from_user(message, buf, len))
		return -EFAULT;
	message[len] = '\0';
	return len;
}

static int onlyone_open(struct inode *inode, struct file *file)
{
	if ((file->f_flags & O_NONBLOCK) && atomic_read(&already_open))
		return -EAGAIN;

	try_module_get(THIS_MODULE);
	while (atomic_cmpxchg(&already_open, 0, 1)) {
		int i, is_sig = 0;

		pr_info("onlyone: %s (pid %d) waits for the file\n", current->comm, current->pid);
		wait_event_interruptible(waitq, !atomic_read(&already_open));
		for (i = 0; i < _NSIG_WORDS && !is_sig; i++)
			is_sig = current->pending.signal.sig[i] & ~current->blocked.sig[i];
		if (is_sig) {
			module_put(THIS_MODULE);
			return -EINTR;
		}
	}
	pr_info("onlyone: %s (pid %d) has the file\n", current->comm, current->pid);
	return 0;
}

static int onlyone_release(struct inode *inode, struct file *file)
{
	atomic_set(&already_open, 0);
	wake_up(&waitq);
	module_put(THIS_MODULE);
	return 0;
}

#ifdef HAVE_PROC_OPS
static const struct proc_ops onlyone_ops = {
	.proc_read = onlyone_read,
	.proc_write = onlyone_write,
	.proc_open = onlyone_open,
	.proc_release = onlyone_release,
	.proc_lseek = noop_llseek,
};
#else
static const struct file_operations onlyone_ops = {
	.read = onlyone_read,
	.write = onlyone_write,
	.open = onlyone_open,
	.release = onlyone_release,
};
#endif

static int __init onlyone_init(void)
{
	entry = proc_create(PROC_NAME, 0644, NULL, &onlyone_ops);
	if (!entry)
		return -ENOMEM;
	strscpy(message, "nothing yet\n", MSG_LEN);
	pr_info("onlyone: /proc/%s created\n", PROC_NAME);
	return 0;
}

static void __exit onlyone_exit(void)
{
	remove_proc_entry(PROC_NAME, NULL);
	pr_info("onlyone: /proc/%s removed\n", PROC_NAME);
}

module_init(onlyone_init);
module_exit(onlyone_exit);
MODULE_LICENSE("GPL");
