/*
 * A message log device: each message is one record in a record kfifo. A timer logs three
 * ticks; write() logs what it is given (up to 48 bytes); read() returns the oldest message,
 * one per call. At load time a self-test of a 2-byte-header record FIFO.
 */
#include <linux/module.h>
#include <linux/kfifo.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/string.h>

static STRUCT_KFIFO_REC_1(64) msgs;
static DEFINE_SPINLOCK(msgs_in_lock);	/* serialises the producers */
static DEFINE_MUTEX(msgs_read_mutex);	/* one reader at a time */

static struct timer_list tick_timer;
static int ticks;

static void tick(struct timer_list *t)
{
	char line[16];
	int len = scnprintf(line, sizeof(line), "tick %d", ++ticks);

	if (!kfifo_in_spinlocked(&msgs, line, len, &msgs_in_lock))
		pr_info("msglog: no room for tick %d\n", ticks);
	if (ticks < 3)
		mod_timer(&tick_timer, jiffies + 5);
}

static ssize_t msglog_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char line[48];
	size_t len = min(count, sizeof(line));

	if (copy_from_user(line, buf, len))
		return -EFAULT;
	if (!kfifo_in_spinlocked(&msgs, line, len, &msgs_in_lock))
		return -ENOSPC;
	return len;
}

static ssize_t msglog_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned int copied;
	int ret;

	if (mutex_lock_interruptible(&msgs_read_mutex))
		return -ERESTARTSYS;
	if (kfifo_is_empty(&msgs))	/* kfifo_peek_len() would read a stale header */
		pr_info("msglog: empty, room for %u\n", kfifo_avail(&msgs));
	else
		pr_info("msglog: next record %u bytes, %u bytes used, room for %u\n",
			kfifo_peek_len(&msgs), kfifo_len(&msgs), kfifo_avail(&msgs));
	ret = kfifo_to_user(&msgs, buf, count, &copied);
	mutex_unlock(&msgs_read_mutex);
	return ret ? ret : copied;
}

static const struct file_operations msglog_fops = {
	.owner = THIS_MODULE,
	.read = msglog_read,
	.write = msglog_write,
	.llseek = noop_llseek,
};

static struct miscdevice msglog_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "msglog",
	.fops = &msglog_fops,
};

static int __init selftest(void)
{
	struct kfifo_rec_ptr_2 big;
	static char block[300];
	char head[8];
	unsigned int n;

	if (kfifo_alloc(&big, 500, GFP_KERNEL))
		return -ENOMEM;
	memset(block, 'x', sizeof(block));
	pr_info("msglog: big fifo of %u bytes, room for a record of %u\n", kfifo_size(&big), kfifo_avail(&big));
	n = kfifo_in(&big, block, sizeof(block));
	pr_info("msglog: put %u, next record %u, %u used, room for %u\n", n, kfifo_peek_len(&big),
		kfifo_len(&big), kfifo_avail(&big));
	pr_info("msglog: another 300: %u\n", kfifo_in(&big, block, sizeof(block)));
	n = kfifo_in(&big, "second", 6);
	pr_info("msglog: put %u\n", n);
	n = kfifo_out_peek(&big, head, sizeof(head));
	pr_info("msglog: peeked %u: %.*s\n", n, n, head);
	kfifo_skip(&big);
	n = kfifo_out(&big, head, 3);
	pr_info("msglog: took %u: %.*s, empty %d\n", n, n, head, kfifo_is_empty(&big));
	kfifo_free(&big);
	return 0;
}

static int __init msglog_init(void)
{
	int ret = selftest();

	if (ret)
		return ret;
	INIT_KFIFO(msgs);
	timer_setup(&tick_timer, tick, 0);
	mod_timer(&tick_timer, jiffies + 5);
	ret = misc_register(&msglog_misc);
	if (ret)
		timer_shutdown_sync(&tick_timer);
	return ret;
}

static void __exit msglog_exit(void)
{
	misc_deregister(&msglog_misc);
	timer_shutdown_sync(&tick_timer);
}

module_init(msglog_init);
module_exit(msglog_exit);
MODULE_LICENSE("GPL");
