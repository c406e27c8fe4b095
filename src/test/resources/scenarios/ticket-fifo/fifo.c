/*
 * The ticket lock hands the lock over in the order the tickets were taken, and check still
 * sees that order with its spin-waits reduction (a CPU waiting in wfe has no move until what
 * its loop reads changes): three system calls meet at one lock. "holder" takes it and keeps it
 * until two CPUs queue behind it; "first" queues; "second" waits until first has its ticket,
 * then queues too, and in its critical section checks that first got there before it. With
 * the ticket lock nothing fires. With -DUNFAIR the lock is the rwlock's write side, which on
 * ARM32 is test-and-set (any waiter may win when the lock is dropped): then second can overtake
 * first, and the BUG_ON below is reached.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/bug.h>
#include <linux/atomic.h>

#ifdef UNFAIR
static DEFINE_RWLOCK(handoff);
#define take(l) write_lock(l)
#define drop(l) write_unlock(l)
static atomic_t queued = ATOMIC_INIT(0);
#else
static DEFINE_SPINLOCK(handoff);
#define take(l) spin_lock(l)
#define drop(l) spin_unlock(l)
#endif

/* atomic_t: KCSAN counts its accesses as marked, so polling them is no data race */
static atomic_t held = ATOMIC_INIT(0), first_in = ATOMIC_INIT(0);

/* How many CPUs wait behind the holder. */
static int waiting(void)
{
#ifdef UNFAIR
	return atomic_read(&queued);
#else
	/* the tickets handed out after the holder's: next - owner - 1 */
	u32 v = READ_ONCE(handoff.rlock.raw_lock.slock);

	return ((v >> 16) - (v & 0xffff) - 1) & 0xffff;
#endif
}

static void queue_up(void)
{
#ifdef UNFAIR
	atomic_inc(&queued);
#endif
	take(&handoff);
}

static long fifo_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	switch (cmd) {
	case 1:
		take(&handoff);
		atomic_set(&held, 1);
		while (waiting() < 2)
			cpu_relax();
		drop(&handoff);
		return 0;
	case 2:
		while (!atomic_read(&held))
			cpu_relax();
		queue_up();
		atomic_set(&first_in, 1);
		drop(&handoff);
		return 0;
	case 3:
		while (!atomic_read(&held) || waiting() < 1)
			cpu_relax();
		queue_up();
		BUG_ON(!atomic_read(&first_in)); /* overtaken: not FIFO */
		drop(&handoff);
		return 0;
	}
	return -EINVAL;
}

static const struct file_operations fifo_fops = {
	.unlocked_ioctl = fifo_ioctl,
};

static struct miscdevice fifo_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "fifo",
	.fops = &fifo_fops,
};

module_misc_device(fifo_dev);
MODULE_LICENSE("GPL");
