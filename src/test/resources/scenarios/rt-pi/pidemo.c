/*
 * pidemo: priority inheritance under PREEMPT_RT. A SCHED_FIFO kernel thread (what an irq
 * thread is) blocks on a spinlock_t that a SCHED_NORMAL writer holds: the writer runs at the
 * thread's priority until it unlocks, then drops back, and the thread gets the lock.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/printk.h>

static DEFINE_SPINLOCK(dev_lock);
static struct task_struct *fifo_thread;
static int go;

static int pidemo_thread(void *data)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!READ_ONCE(go)) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		WRITE_ONCE(go, 0);
		spin_lock(&dev_lock);
		pr_info("pidemo: %s got dev_lock at prio %d\n", current->comm, current->prio);
		spin_unlock(&dev_lock);
	}
	return 0;
}

static ssize_t pidemo_write(struct file *filp, const char __user *buf, size_t len, loff_t *ppos)
{
	spin_lock(&dev_lock);
	pr_info("pidemo: writer holds dev_lock at prio %d\n", current->prio);
	WRITE_ONCE(go, 1);
	wake_up_process(fifo_thread);	/* preempts us, then blocks on dev_lock: boosts us */
	pr_info("pidemo: writer still holds dev_lock, now at prio %d (its own %d)\n",
		current->prio, current->normal_prio);
	spin_unlock(&dev_lock);
	pr_info("pidemo: writer released dev_lock, back at prio %d\n", current->prio);
	return len;
}

static const struct file_operations pidemo_fops = {
	.owner = THIS_MODULE,
	.write = pidemo_write,
};

static struct miscdevice pidemo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pidemo",
	.fops = &pidemo_fops,
};

static int __init pidemo_init(void)
{
	fifo_thread = kthread_run(pidemo_thread, NULL, "pidemo-fifo");
	if (IS_ERR(fifo_thread))
		return PTR_ERR(fifo_thread);
	sched_set_fifo(fifo_thread);
	return misc_register(&pidemo_dev);
}

static void __exit pidemo_exit(void)
{
	misc_deregister(&pidemo_dev);
	kthread_stop(fifo_thread);
}

MODULE_LICENSE("GPL");
module_init(pidemo_init);
module_exit(pidemo_exit);
