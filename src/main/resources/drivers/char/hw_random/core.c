/*
 * spinlab's model of drivers/char/hw_random/core.c: the hardware RNG core, written for this
 * model. What it keeps of the kernel's behaviour:
 *   - the registered generators are listed best quality first (a newcomer goes behind those
 *     of its own quality); the current one is the first, or a newcomer of strictly better
 *     quality than the current;
 *   - a generator's init() runs when it becomes current and its cleanup() when the last user
 *     of it as current lets go (the kernel counts these with a kref in struct hwrng): a read in
 *     progress keeps a replaced generator alive until it returns, and hwrng_unregister()
 *     waits for that cleanup;
 *   - /dev/hwrng reads refill one 64-byte buffer from the current generator (its read(), or
 *     data_present() then one data_read() word) and hand it out from the buffer's end; a
 *     non-blocking read that finds nothing is -EAGAIN; a write open is -EINVAL.
 * Differences: the misc device exists while at least one generator is registered (upstream:
 * from boot), its sysfs directory is /sys/class/misc/hwrng (the model names a misc device by
 * its nodename; upstream's is hw_random), rng_current and rng_available are read-only and the
 * only attributes, and khwrngd, which feeds the entropy pool, is not modelled.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/hw_random.h>
#include <linux/miscdevice.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include <linux/jiffies.h>

#define HWRNG_BUF_BYTES 64	/* the kernel sizes it by the cache line, at least 32 */

static LIST_HEAD(hwrng_generators);	/* best quality first; under hwrng_core_lock */
static struct hwrng *hwrng_cur;	/* under hwrng_core_lock */
static DEFINE_MUTEX(hwrng_core_lock);
static DEFINE_MUTEX(hwrng_buf_lock);	/* the buffer and its fill level */
static u8 *hwrng_buf;
static int hwrng_buf_fill;
static bool hwrng_dev_registered;

/* the last user of a generator as current is gone: its cleanup(), then whoever waits for it */
static void hwrng_last_user_gone(struct kref *ref)
{
	struct hwrng *g = container_of(ref, struct hwrng, ref);

	if (g->cleanup)
		g->cleanup(g);
	complete(&g->cleanup_done);
}

/* one more user of g; its first user (nobody holds it) runs its init() */
static int hwrng_use(struct hwrng *g)
{
	int err;

	if (kref_get_unless_zero(&g->ref))
		return 0;
	err = g->init ? g->init(g) : 0;
	if (err)
		return err;
	kref_init(&g->ref);
	reinit_completion(&g->cleanup_done);
	return 0;
}

/* makes g current (or none, g == NULL); the core's own use of the old one ends; core lock held */
static int hwrng_make_current(struct hwrng *g)
{
	if (g) {
		int err = hwrng_use(g);

		if (err)
			return err;
	}
	if (hwrng_cur)
		kref_put(&hwrng_cur->ref, hwrng_last_user_gone);
	hwrng_cur = g;
	return 0;
}

/* the current generator with a use taken for the caller: NULL if none, ERR_PTR on a signal */
static struct hwrng *hwrng_get_current(void)
{
	struct hwrng *g;

	if (mutex_lock_interruptible(&hwrng_core_lock))
		return ERR_PTR(-ERESTARTSYS);
	g = hwrng_cur;
	if (g)
		kref_get(&g->ref);
	mutex_unlock(&hwrng_core_lock);
	return g;
}

static void hwrng_put(struct hwrng *g)
{
	mutex_lock(&hwrng_core_lock);
	kref_put(&g->ref, hwrng_last_user_gone);
	mutex_unlock(&hwrng_core_lock);
}

/* bytes from g into buf (at most room), 0 when it has none now, or an error */
static int hwrng_pull(struct hwrng *g, u8 *buf, size_t room, bool wait)
{
	int got;

	if (!g->read) {
		if (g->data_present && !g->data_present(g, wait))
			return 0;
		return g->data_read(g, (u32 *)buf);
	}
	got = g->read(g, buf, room, wait);
	if (got > 0 && (size_t)got > room) {
		WARN_ON_ONCE(1); /* a driver that claims more than it was given room for */
		got = room;
	}
	return got;
}

static int hwrng_dev_open(struct inode *inode, struct file *filp)
{
	/* the device only gives: an open that is not read-only is refused */
	return (filp->f_mode & (FMODE_READ | FMODE_WRITE)) == FMODE_READ ? 0 : -EINVAL;
}

/*
 * One round of a read: up to want bytes into out, from the buffer, refilled first when empty.
 * Returns the bytes taken (0: the generator had none and the read waits again) or an error.
 */
static int hwrng_read_round(struct hwrng *g, u8 *out, size_t want, bool nonblock)
{
	int take;

	if (mutex_lock_interruptible(&hwrng_buf_lock))
		return -ERESTARTSYS;
	if (hwrng_buf_fill == 0) {
		int got = hwrng_pull(g, hwrng_buf, HWRNG_BUF_BYTES, !nonblock);

		if (got < 0 || (got == 0 && nonblock)) {
			mutex_unlock(&hwrng_buf_lock);
			return got < 0 ? got : -EAGAIN;
		}
		hwrng_buf_fill = got;
	}
	take = min_t(size_t, hwrng_buf_fill, want);
	hwrng_buf_fill -= take; /* handed out from the end of what is left */
	memcpy(out, hwrng_buf + hwrng_buf_fill, take);
	mutex_unlock(&hwrng_buf_lock);
	return take;
}

static ssize_t hwrng_dev_read(struct file *filp, char __user *ubuf, size_t size, loff_t *offp)
{
	u8 chunk[HWRNG_BUF_BYTES];
	ssize_t done = 0;
	int err = 0;

	while (done < size) {
		struct hwrng *g = hwrng_get_current();
		int n;

		if (IS_ERR_OR_NULL(g)) {
			err = g ? PTR_ERR(g) : -ENODEV;
			break;
		}
		n = hwrng_read_round(g, chunk, size - done, filp->f_flags & O_NONBLOCK);
		hwrng_put(g);
		if (n < 0) {
			err = n;
			break;
		}
		if (n && copy_to_user(ubuf + done, chunk, n)) {
			err = -EFAULT;
			break;
		}
		done += n;
		if (need_resched())
			schedule_timeout_interruptible(1);
		if (signal_pending(current)) {
			err = -ERESTARTSYS;
			break;
		}
	}
	memset(chunk, 0, sizeof(chunk)); /* random bytes do not linger on the stack */
	return done ? done : err;
}

static const struct file_operations hwrng_dev_fops = {
	.owner = THIS_MODULE,
	.open = hwrng_dev_open,
	.read = hwrng_dev_read,
	.llseek = noop_llseek,
};

static ssize_t rng_current_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct hwrng *g = hwrng_get_current();
	ssize_t len;

	if (IS_ERR(g))
		return PTR_ERR(g);
	len = sysfs_emit(buf, "%s\n", g ? g->name : "none");
	if (g)
		hwrng_put(g);
	return len;
}

/* the registered generators' names, best first, then "none" */
static ssize_t rng_available_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct hwrng *g;
	int len = 0;

	if (mutex_lock_interruptible(&hwrng_core_lock))
		return -ERESTARTSYS;
	list_for_each_entry(g, &hwrng_generators, list)
		len += scnprintf(buf + len, PAGE_SIZE - len, "%s ", g->name);
	len += scnprintf(buf + len, PAGE_SIZE - len, "none\n");
	mutex_unlock(&hwrng_core_lock);
	return len;
}

static DEVICE_ATTR_RO(rng_current);
static DEVICE_ATTR_RO(rng_available);

static struct attribute *hwrng_attrs[] = {
	&dev_attr_rng_current.attr,
	&dev_attr_rng_available.attr,
	NULL
};

ATTRIBUTE_GROUPS(hwrng);

static struct miscdevice hwrng_miscdev = {
	.minor = HWRNG_MINOR,
	.name = "hw_random",
	.nodename = "hwrng",
	.fops = &hwrng_dev_fops,
	.groups = hwrng_groups,
};

/* the buffer and the device, made with the first generator; core lock held */
static int hwrng_core_up(void)
{
	int err;

	if (!hwrng_buf) {
		hwrng_buf = kmalloc(HWRNG_BUF_BYTES, GFP_KERNEL);
		if (!hwrng_buf)
			return -ENOMEM;
	}
	if (hwrng_dev_registered)
		return 0;
	err = misc_register(&hwrng_miscdev);
	hwrng_dev_registered = !err;
	return err;
}

int hwrng_register(struct hwrng *rng)
{
	struct hwrng *g;
	struct list_head *before = &hwrng_generators;
	int err;

	if (!rng->name || !(rng->read || rng->data_read))
		return -EINVAL;
	mutex_lock(&hwrng_core_lock);
	err = hwrng_core_up();
	if (err)
		goto unlock;
	list_for_each_entry(g, &hwrng_generators, list) {
		if (!strcmp(g->name, rng->name)) {
			err = -EEXIST; /* names are unique: rng_current shows them */
			goto unlock;
		}
	}
	/* done, as nobody uses it yet; unregistering it waits for nothing */
	init_completion(&rng->cleanup_done);
	complete(&rng->cleanup_done);
	init_completion(&rng->dying);
	list_for_each_entry(g, &hwrng_generators, list) {
		if (g->quality < rng->quality) {
			before = &g->list;
			break;
		}
	}
	list_add_tail(&rng->list, before);
	if (!hwrng_cur || rng->quality > hwrng_cur->quality)
		err = hwrng_make_current(rng);
unlock:
	mutex_unlock(&hwrng_core_lock);
	return err;
}

void hwrng_unregister(struct hwrng *rng)
{
	mutex_lock(&hwrng_core_lock);
	list_del(&rng->list);
	complete_all(&rng->dying);
	if (hwrng_cur == rng) {
		struct hwrng *next = list_first_entry_or_null(&hwrng_generators, struct hwrng, list);

		hwrng_make_current(NULL);
		if (next && hwrng_make_current(next))
			pr_warn("hw_random: %s could not become the current generator\n", next->name);
	}
	if (list_empty(&hwrng_generators) && hwrng_dev_registered) {
		misc_deregister(&hwrng_miscdev);
		hwrng_dev_registered = false;
	}
	mutex_unlock(&hwrng_core_lock);
	wait_for_completion(&rng->cleanup_done);
}

static void hwrng_devm_unregister(void *rng)
{
	hwrng_unregister(rng);
}

int devm_hwrng_register(struct device *dev, struct hwrng *rng)
{
	int err = hwrng_register(rng);

	return err ? err : devm_add_action_or_reset(dev, hwrng_devm_unregister, rng);
}

/* a read() loop's pause: msecs, cut short (0) when the generator is being unregistered */
long hwrng_msleep(struct hwrng *rng, unsigned int msecs)
{
	return wait_for_completion_interruptible_timeout(&rng->dying, msecs_to_jiffies(msecs) + 1);
}
