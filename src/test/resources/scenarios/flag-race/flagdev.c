/*
 * flagdev: the classic first wait-queue driver. read() sleeps until "data is ready", which
 * write() announces by setting a plain int flag and waking the queue up; the reader clears
 * the flag again. Neither side takes a lock, so the flag is read by the waiting reader (in
 * the wait_event_interruptible() condition, and when it clears it) while the writer may be
 * setting it on another CPU: a data race, which `spinlab check` reports (KCSAN would, too).
 * Built with -DUSE_ATOMIC the flag is an atomic_t, and the race is gone; so it is with
 * -DUSE_ONCE, whose accesses are marked with READ_ONCE()/WRITE_ONCE() (KCSAN takes those
 * volatile accesses as atomic).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/atomic.h>

static DECLARE_WAIT_QUEUE_HEAD(flag_wq);
#ifdef USE_ATOMIC
static atomic_t flag = ATOMIC_INIT(0);
#define FLAG_IS_SET()	(atomic_read(&flag) != 0)
#define FLAG_SET()	atomic_set(&flag, 1)
#define FLAG_CLEAR()	atomic_set(&flag, 0)
#elif defined(USE_ONCE)
static int flag;
#define FLAG_IS_SET()	(READ_ONCE(flag) != 0)
#define FLAG_SET()	WRITE_ONCE(flag, 1)
#define FLAG_CLEAR()	WRITE_ONCE(flag, 0)
#else
static int flag;
#define FLAG_IS_SET()	(flag != 0)
#define FLAG_SET()	(flag = 1)
#define FLAG_CLEAR()	(flag = 0)
#endif

static ssize_t flag_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	if (wait_event_interruptible(flag_wq, FLAG_IS_SET()))
		return -ERESTARTSYS;
	FLAG_CLEAR();
	return 0;
}

static ssize_t flag_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	FLAG_SET();
	wake_up_interruptible(&flag_wq);
	return count;
}

static const struct file_operations flag_fops = {
	.owner = THIS_MODULE,
	.read = flag_read,
	.write = flag_write,
};

static struct miscdevice flag_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "flag",
	.fops = &flag_fops,
};

static int __init flag_init(void)
{
	return misc_register(&flag_misc);
}

static void __exit flag_exit(void)
{
	misc_deregister(&flag_misc);
}

module_init(flag_init);
module_exit(flag_exit);
MODULE_LICENSE("GPL");
