/*
 * Two ioctls that take two spinlocks in opposite orders, the second of each with a
 * spin_trylock() loop instead of spin_lock(): on two CPUs each can hold one lock and poll
 * for the other forever. Unlike spin_lock(), whose ticket lock waits in wfe, the polling
 * loop always has a next step, so nothing blocks: the CPUs go round in circles. With
 * -DSAME_ORDER both ioctls take first_lock first and nothing can hang.
 * -DSELF_POLL has the first ioctl poll for a lock it already holds (one CPU is enough).
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(first_lock);
static DEFINE_SPINLOCK(second_lock);
static int produced, consumed;

static void take_polling(spinlock_t *lock)
{
	while (!spin_trylock(lock))
		cpu_relax();
}

static long spinpair_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long seen;

	if (cmd == 1) {
		spin_lock(&first_lock);
#ifdef SELF_POLL
		take_polling(&first_lock);
#else
		take_polling(&second_lock);
#endif
		produced++;
		spin_unlock(&second_lock);
		spin_unlock(&first_lock);
		return 0;
	}
#ifdef SAME_ORDER
	spin_lock(&first_lock);
	take_polling(&second_lock);
	consumed++;
	seen = produced;
	spin_unlock(&second_lock);
	spin_unlock(&first_lock);
#else
	spin_lock(&second_lock);
	take_polling(&first_lock);
	consumed++;
	seen = produced;
	spin_unlock(&first_lock);
	spin_unlock(&second_lock);
#endif
	return seen;
}

static const struct file_operations spinpair_fops = {
	.unlocked_ioctl = spinpair_ioctl,
};

static struct miscdevice spinpair_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "spinpair",
	.fops = &spinpair_fops,
};

module_misc_device(spinpair_dev);
MODULE_LICENSE("GPL");
