/*
 * sampler: a device whose interrupt is served in two halves with request_threaded_irq().
 * The primary handler runs in hard interrupt context, takes the sample from the device and
 * asks for the thread (IRQ_WAKE_THREAD); the thread, irq/42-sampler, files it under a mutex,
 * which a hardirq handler could not take. The ioctl flushes the samples under the same mutex
 * and first waits for the interrupt's work in flight with synchronize_irq().
 *
 *   -DFLUSH_LOCKED     synchronize_irq() with the mutex held: the thread, woken for a sample,
 *                      blocks on the mutex, and synchronize_irq() sleeps until the thread is
 *                      done: a deadlock of two sleeping tasks.
 *   -DNO_ONESHOT       no primary handler and no IRQF_ONESHOT: the kernel refuses it
 *                      ("Threaded irq requested with handler=NULL and !ONESHOT"), insmod fails.
 *   -DIN_HARDIRQ       the mutex taken in the primary handler: "BUG: sleeping function called
 *                      from invalid context".
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/interrupt.h>
#include <linux/mutex.h>

#define SAMPLER_IRQ 42

static DEFINE_MUTEX(buf_lock);
static unsigned int latched, filed, flushed;

static irqreturn_t sampler_hardirq(int irq, void *dev_id)
{
#ifdef IN_HARDIRQ
	mutex_lock(&buf_lock);
	filed++;
	mutex_unlock(&buf_lock);
	return IRQ_HANDLED;
#else
	latched++;		/* the device's data register, read before the line is acked */
	return IRQ_WAKE_THREAD;
#endif
}

static irqreturn_t sampler_thread(int irq, void *dev_id)
{
	mutex_lock(&buf_lock);
	if (!filed)
		pr_info("sampler: first sample filed by %s\n", current->comm);
	filed++;
	mutex_unlock(&buf_lock);
	return IRQ_HANDLED;
}

static long sampler_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
#ifdef FLUSH_LOCKED
	mutex_lock(&buf_lock);
	synchronize_irq(SAMPLER_IRQ);	/* sleeps until the thread is done: it waits for buf_lock */
#else
	synchronize_irq(SAMPLER_IRQ);
	mutex_lock(&buf_lock);
#endif
	flushed = filed;
	mutex_unlock(&buf_lock);
	return 0;
}

static const struct file_operations sampler_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = sampler_ioctl,
};

static struct miscdevice sampler_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sampler",
	.fops = &sampler_fops,
};

static int __init sampler_init(void)
{
	int ret;

#ifdef NO_ONESHOT
	ret = request_threaded_irq(SAMPLER_IRQ, NULL, sampler_thread, 0, "sampler", &sampler_dev);
#else
	ret = request_threaded_irq(SAMPLER_IRQ, sampler_hardirq, sampler_thread, IRQF_ONESHOT,
				   "sampler", &sampler_dev);
#endif
	if (ret)
		return ret;
	return misc_register(&sampler_dev);
}

static void __exit sampler_exit(void)
{
	misc_deregister(&sampler_dev);
	free_irq(SAMPLER_IRQ, &sampler_dev);
	pr_info("sampler: %u latched, %u filed, %u flushed\n", latched, filed, flushed);
}

MODULE_LICENSE("GPL");
module_init(sampler_init);
module_exit(sampler_exit);
