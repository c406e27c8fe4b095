/*
 * cfgstore: a configuration string behind a reader-writer semaphore (init_rwsem), and an
 * audit log behind a mutex. read() takes the semaphore shared and appends to the log under
 * the mutex; write() takes the mutex first (to log the request) and then the semaphore
 * exclusively: a reader holding cfg_sem waits for log_lock while a writer holding log_lock
 * waits for cfg_sem.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/rwsem.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/string.h>

struct cfgstore {
	struct rw_semaphore cfg_sem;
	char cfg[32];
	int audit;
};

static struct cfgstore store;
static DEFINE_MUTEX(log_lock);

static ssize_t cfg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	down_read(&store.cfg_sem);
	mutex_lock(&log_lock);
	store.audit++;
	mutex_unlock(&log_lock);
	ret = simple_read_from_buffer(buf, count, ppos, store.cfg, strlen(store.cfg));
	up_read(&store.cfg_sem);
	return ret;
}

static ssize_t cfg_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char tmp[32];

	if (count >= sizeof(tmp))
		return -EINVAL;
	if (copy_from_user(tmp, buf, count))
		return -EFAULT;
	tmp[count] = '\0';
	mutex_lock(&log_lock);
	store.audit++;
	down_write(&store.cfg_sem);
	strscpy(store.cfg, tmp, sizeof(store.cfg));
	up_write(&store.cfg_sem);
	mutex_unlock(&log_lock);
	return count;
}

static const struct file_operations cfg_fops = {
	.owner = THIS_MODULE,
	.read = cfg_read,
	.write = cfg_write,
};

static struct miscdevice cfg_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "cfgstore",
	.fops = &cfg_fops,
};

static int __init cfg_init(void)
{
	init_rwsem(&store.cfg_sem);
	strscpy(store.cfg, "mode=idle", sizeof(store.cfg));
	return misc_register(&cfg_misc);
}

static void __exit cfg_exit(void)
{
	misc_deregister(&cfg_misc);
	pr_info("cfgstore: %d audited accesses\n", store.audit);
}

module_init(cfg_init);
module_exit(cfg_exit);
MODULE_LICENSE("GPL");
