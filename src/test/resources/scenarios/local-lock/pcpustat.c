/*
 * pcpustat: per-CPU event counters behind a local_lock_t (one per CPU, initialised with
 * local_lock_init for each), and a device "register" behind a raw_spinlock_t. The ioctl
 * counts the event while still holding the register lock: local_lock() inside a
 * raw_spinlock_t section.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/local_lock.h>
#include <linux/percpu.h>

static DEFINE_PER_CPU(local_lock_t, stat_lock);
static DEFINE_PER_CPU(unsigned long, events);
static DEFINE_RAW_SPINLOCK(reg_lock);
static unsigned long reg;

static void count_event(void)
{
	local_lock(&stat_lock);
	this_cpu_inc(events);
	local_unlock(&stat_lock);
}

static long poke_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&reg_lock, flags);
	reg = arg;
	count_event();
	raw_spin_unlock_irqrestore(&reg_lock, flags);
	return 0;
}

static const struct file_operations poke_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = poke_ioctl,
};

static struct miscdevice poke_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pcpustat",
	.fops = &poke_fops,
};

static int __init pcpustat_init(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		local_lock_init(per_cpu_ptr(&stat_lock, cpu));
	return misc_register(&poke_misc);
}

static void __exit pcpustat_exit(void)
{
	misc_deregister(&poke_misc);
}

module_init(pcpustat_init);
module_exit(pcpustat_exit);
MODULE_LICENSE("GPL");
