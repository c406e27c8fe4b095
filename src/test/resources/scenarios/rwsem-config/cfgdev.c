/*
 * cfgdev: a configuration string behind a reader-writer semaphore. read() takes it shared,
 * write() exclusively and holds it 100 ms (msleep) while it "applies" the new settings, so
 * readers arriving then wait until it is done. A kernel thread in the freezable style
 * (set_freezable, try_to_freeze) samples the configuration six times, 30 ms apart, with
 * down_read_trylock(), then sleeps until the module stops it.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/rwsem.h>
#include <linux/kthread.h>
#include <linux/freezer.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/string.h>

static DECLARE_RWSEM(cfg_sem);
static char cfg[32] = "mode=idle";
static struct task_struct *sampler;
static int samples, busy_samples;

static ssize_t cfg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	down_read(&cfg_sem);
	pr_info("cfgdev: %s reads '%s'\n", current->comm, cfg);
	ret = simple_read_from_buffer(buf, count, ppos, cfg, strlen(cfg));
	up_read(&cfg_sem);
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
	down_write(&cfg_sem);
	pr_info("cfgdev: %s applies '%s'\n", current->comm, tmp);
	msleep(100);
	strscpy(cfg, tmp, sizeof(cfg));
	up_write(&cfg_sem);
	return count;
}

static int sampler_fn(void *unused)
{
	set_freezable();
	while (!kthread_should_stop() && samples + busy_samples < 6) {
		try_to_freeze();
		if (down_read_trylock(&cfg_sem)) {
			samples++;
			up_read(&cfg_sem);
		} else {
			busy_samples++;
		}
		msleep_interruptible(30);
	}
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static const struct file_operations cfg_fops = {
	.owner = THIS_MODULE,
	.read = cfg_read,
	.write = cfg_write,
};

static struct miscdevice cfg_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "cfgdev",
	.fops = &cfg_fops,
};

static int __init cfg_init(void)
{
	int ret = misc_register(&cfg_misc);

	if (ret)
		return ret;
	sampler = kthread_run(sampler_fn, NULL, "cfg_sampler");
	if (IS_ERR(sampler)) {
		misc_deregister(&cfg_misc);
		return PTR_ERR(sampler);
	}
	return 0;
}

static void __exit cfg_exit(void)
{
	kthread_stop(sampler);
	misc_deregister(&cfg_misc);
	pr_info("cfgdev: sampler saw the config free %d times, busy %d times\n", samples, busy_samples);
}

module_init(cfg_init);
module_exit(cfg_exit);
MODULE_LICENSE("GPL");
