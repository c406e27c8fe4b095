/*
 * fifo: a character FIFO device over the kernel's kfifo (LDD-style producer/consumer).
 * write() stores bytes with kfifo_from_user() into a DECLARE_KFIFO of 16 bytes (what does
 * not fit is refused: a short write), read() takes them with kfifo_to_user(), sleeping in
 * wait_event_interruptible() while the FIFO is empty. An int FIFO from kfifo_alloc() records
 * each write's length with kfifo_put() (a DECLARE_KFIFO_PTR of unsigned int); release()
 * drains it with kfifo_get().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kfifo.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>

static DECLARE_KFIFO(bytes, char, 16);
static DECLARE_KFIFO_PTR(lengths, unsigned int);
static DEFINE_MUTEX(fifo_lock);
static DECLARE_WAIT_QUEUE_HEAD(readable);

static ssize_t fifo_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	mutex_lock(&fifo_lock);
	ret = kfifo_from_user(&bytes, buf, len, &copied);
	if (!ret)
		kfifo_put(&lengths, copied);
	pr_info("fifo: write %zu: stored %u, len %u avail %u full %d\n", len, copied,
		kfifo_len(&bytes), kfifo_avail(&bytes), kfifo_is_full(&bytes) ? 1 : 0);
	mutex_unlock(&fifo_lock);
	wake_up_interruptible(&readable);
	return ret ? ret : copied;
}

static ssize_t fifo_read(struct file *file, char __user *buf, size_t len, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	wait_event_interruptible(readable, !kfifo_is_empty(&bytes));
	mutex_lock(&fifo_lock);
	ret = kfifo_to_user(&bytes, buf, len, &copied);
	pr_info("fifo: read %zu: got %u, %u left\n", len, copied, kfifo_len(&bytes));
	mutex_unlock(&fifo_lock);
	return ret ? ret : copied;
}

static int fifo_release(struct inode *inode, struct file *file)
{
	unsigned int n;

	pr_info("fifo: %u writes recorded in a FIFO of %u ints\n", kfifo_len(&lengths), kfifo_size(&lengths));
	while (kfifo_get(&lengths, &n))
		pr_info("fifo: a write stored %u bytes\n", n);
	return 0;
}

static const struct file_operations fifo_fops = {
	.owner = THIS_MODULE,
	.read = fifo_read,
	.write = fifo_write,
	.release = fifo_release,
};

static struct miscdevice fifo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "fifo",
	.fops = &fifo_fops,
};

static int __init fifo_init(void)
{
	int ret;

	INIT_KFIFO(bytes);
	ret = kfifo_alloc(&lengths, 5, GFP_KERNEL);
	if (ret)
		return ret;
	pr_info("fifo: byte FIFO of %u, length FIFO of %u (5 asked, rounded up to a power of 2)\n",
		kfifo_size(&bytes), kfifo_size(&lengths));
	return misc_register(&fifo_dev);
}

module_init(fifo_init);
MODULE_LICENSE("GPL");
