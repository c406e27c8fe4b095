/*
 * tasklets: every form of the 6.6 tasklet API, driven by commands written to /dev/tasklets.
 *
 *   DECLARE_TASKLET(name, callback)       callback(struct tasklet_struct *) + from_tasklet()
 *   DECLARE_TASKLET_OLD(name, func)       func(unsigned long data), data 0
 *   tasklet_setup() / tasklet_init()      the same two forms on a tasklet in a structure
 *   tasklet_hi_schedule()                 HI_SOFTIRQ runs before TASKLET_SOFTIRQ
 *   tasklet_disable()/tasklet_enable()    a disabled tasklet stays scheduled and runs once enabled
 *                                         (tasklet_disable() waits for a running one: it may sleep)
 *   tasklet_kill()
 *
 * write() schedules under local_bh_disable(), so the tasklets run in the writer's context
 * at local_bh_enable(), in softirq context (in_softirq(), preempt_count 0x100 + ...).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct blinker {
	int id;
	int runs;
	struct tasklet_struct tasklet;
};

static struct blinker first = { .id = 1 };
static struct blinker second = { .id = 2 };

static void report(const char *what)
{
	pr_info("tasklets: %s: in_softirq()=%d in_interrupt()=%d preempt_count()=%08x\n", what,
		in_softirq() ? 1 : 0, in_interrupt() ? 1 : 0, preempt_count());
}

static void static_cb(struct tasklet_struct *t);
static void old_fn(unsigned long data);
static DECLARE_TASKLET(static_tasklet, static_cb);
static DECLARE_TASKLET_OLD(old_tasklet, old_fn);

static void static_cb(struct tasklet_struct *t)
{
	report(t == &static_tasklet ? "DECLARE_TASKLET callback" : "?");
}

static void old_fn(unsigned long data)
{
	pr_info("tasklets: DECLARE_TASKLET_OLD func, data=%lu\n", data);
}

static void blinker_cb(struct tasklet_struct *t)
{
	struct blinker *b = from_tasklet(b, t, tasklet);

	b->runs++;
	pr_info("tasklets: blinker %d run %d\n", b->id, b->runs);
}

static void blinker_fn(unsigned long data)
{
	struct blinker *b = (struct blinker *)data;

	b->runs++;
	pr_info("tasklets: blinker %d (tasklet_init, data) run %d\n", b->id, b->runs);
}

static ssize_t tasklets_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
{
	char cmd[16] = "";

	if (len >= sizeof(cmd) || copy_from_user(cmd, ubuf, len))
		return -EINVAL;
	if (!strcmp(cmd, "disable"))
		tasklet_disable(&first.tasklet);	/* may sleep: not under local_bh_disable() */
	local_bh_disable();
	if (!strcmp(cmd, "all")) {
		tasklet_schedule(&static_tasklet);
		tasklet_schedule(&old_tasklet);
		tasklet_schedule(&first.tasklet);
		tasklet_hi_schedule(&second.tasklet);
		tasklet_schedule(&first.tasklet);	/* already scheduled: runs once */
		pr_info("tasklets: scheduled static, old, first, second (hi), first again\n");
	} else if (!strcmp(cmd, "disable")) {
		tasklet_schedule(&first.tasklet);
		pr_info("tasklets: first disabled and scheduled\n");
	} else if (!strcmp(cmd, "enable")) {
		tasklet_enable(&first.tasklet);
		tasklet_schedule(&second.tasklet);
		pr_info("tasklets: first enabled, second scheduled\n");
	}
	local_bh_enable();
	report("write() after local_bh_enable()");
	return len;
}

static int tasklets_release(struct inode *inode, struct file *file)
{
	tasklet_kill(&first.tasklet);
	tasklet_kill(&second.tasklet);
	pr_info("tasklets: killed; first ran %d times, second %d times\n", first.runs, second.runs);
	return 0;
}

static const struct file_operations tasklets_fops = {
	.owner = THIS_MODULE,
	.write = tasklets_write,
	.release = tasklets_release,
};

static struct miscdevice tasklets_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "tasklets",
	.fops = &tasklets_fops,
};

static int __init tasklets_init(void)
{
	tasklet_setup(&first.tasklet, blinker_cb);
	tasklet_init(&second.tasklet, blinker_fn, (unsigned long)&second);
	return misc_register(&tasklets_dev);
}

module_init(tasklets_init);
MODULE_LICENSE("GPL");
