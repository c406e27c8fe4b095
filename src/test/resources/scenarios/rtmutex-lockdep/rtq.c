/*
 * rtq: a command queue behind an rt_mutex (priority inheritance for a real-time submitter)
 * and a power state behind a mutex. RTQ_SUBMIT queues under the rt_mutex and wakes the device
 * under the power mutex; RTQ_SUSPEND takes the power mutex and then drains the queue under
 * the rt_mutex.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/rtmutex.h>
#include <linux/mutex.h>

#define RTQ_SUBMIT 1
#define RTQ_SUSPEND 2

static struct rt_mutex queue_lock;
static DEFINE_MUTEX(pm_lock);
static int queued, awake = 1;

static long rtq_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case RTQ_SUBMIT:
		rt_mutex_lock(&queue_lock);
		queued++;
		mutex_lock(&pm_lock);
		awake = 1;
		mutex_unlock(&pm_lock);
		rt_mutex_unlock(&queue_lock);
		return 0;
	case RTQ_SUSPEND:
		mutex_lock(&pm_lock);
		rt_mutex_lock(&queue_lock);
		queued = 0;
		rt_mutex_unlock(&queue_lock);
		awake = 0;
		mutex_unlock(&pm_lock);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations rtq_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = rtq_ioctl,
};

static struct miscdevice rtq_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "rtq",
	.fops = &rtq_fops,
};

static int __init rtq_init(void)
{
	rt_mutex_init(&queue_lock);
	return misc_register(&rtq_misc);
}

static void __exit rtq_exit(void)
{
	misc_deregister(&rtq_misc);
}

module_init(rtq_init);
module_exit(rtq_exit);
MODULE_LICENSE("GPL");
