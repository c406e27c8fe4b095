/*
 * session: objects shared by reference counting. Each open() of /dev/session takes a
 * reference on one shared struct session (kref_get), release() drops it with kref_put(), and
 * the last put retires it through the release function (retired sessions are kept for
 * reuse). A later open() revives the retired session only if kref_get_unless_zero() allows,
 * which it never does once the count reached zero: a new session is made. Built with
 * -DSTALE_GET, open() takes a retired session with plain kref_get(): the kernel's
 * "refcount_t: addition on 0; use-after-free." warning. A refcount_t counts the opens ever
 * made; an atomic64_t sums the bytes written.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kref.h>
#include <linux/refcount.h>
#include <linux/atomic.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

struct session {
	struct kref ref;
	int id;
};

static struct session *current_session;
static struct session *retired;
static DEFINE_MUTEX(session_lock);
static refcount_t opens = REFCOUNT_INIT(1);
static atomic64_t bytes = ATOMIC64_INIT(0);
static int next_id = 1;

static void session_free(struct kref *ref)
{
	struct session *s = container_of(ref, struct session, ref);

	pr_info("session: session %d retired\n", s->id);
	current_session = NULL;
	retired = s;
}

static int session_open(struct inode *inode, struct file *file)
{
	bool got = false;

	mutex_lock(&session_lock);
	if (!current_session && retired) {
#ifdef STALE_GET
		kref_get(&retired->ref);		/* BUG: its count may be zero */
		got = true;
#else
		got = kref_get_unless_zero(&retired->ref);
		if (!got)
			pr_info("session: session %d cannot be revived\n", retired->id);
#endif
		if (got)
			current_session = retired;
	}
	if (!current_session) {
		current_session = kzalloc(sizeof(*current_session), GFP_KERNEL);
		kref_init(&current_session->ref);
		current_session->id = next_id++;
		pr_info("session: session %d created\n", current_session->id);
	} else if (!got) {
		kref_get(&current_session->ref);
	}
	file->private_data = current_session;
	refcount_inc(&opens);
	pr_info("session: open, session %d has %u references\n", current_session->id,
		kref_read(&current_session->ref));
	mutex_unlock(&session_lock);
	return 0;
}

static ssize_t session_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	atomic64_add(len, &bytes);
	return len;
}

static int session_release(struct inode *inode, struct file *file)
{
	struct session *s = file->private_data;

	mutex_lock(&session_lock);
	pr_info("session: release, %lld bytes written so far, %u opens counted\n",
		atomic64_read(&bytes), refcount_read(&opens) - 1);
	kref_put(&s->ref, session_free);
	mutex_unlock(&session_lock);
	return 0;
}

static const struct file_operations session_fops = {
	.owner = THIS_MODULE,
	.open = session_open,
	.write = session_write,
	.release = session_release,
};

static struct miscdevice session_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "session",
	.fops = &session_fops,
};

static int __init session_init(void)
{
	return misc_register(&session_dev);
}

module_init(session_init);
MODULE_LICENSE("GPL");
