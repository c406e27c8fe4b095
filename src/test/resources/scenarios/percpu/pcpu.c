/*
 * pcpu: per-CPU counters, the way network drivers keep statistics. DEFINE_PER_CPU(long, ...)
 * counters are bumped by the device's interrupt handler with this_cpu_inc() and by write()
 * with get_cpu_var()/put_cpu_var() (preemption off while the copy is used); release() sums
 * the copies with for_each_possible_cpu()/per_cpu() without any lock, which is how per-CPU
 * statistics are read.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/interrupt.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>

#define PCPU_IRQ 7

static DEFINE_PER_CPU(long, irq_hits);
static DEFINE_PER_CPU(long, writes);
static int dev_cookie;

static irqreturn_t pcpu_interrupt(int irq, void *dev_id)
{
	this_cpu_inc(irq_hits);
	return IRQ_HANDLED;
}

static ssize_t pcpu_write(struct file *file, const char __user *buf, size_t len, loff_t *ppos)
{
	long *w = &get_cpu_var(writes);

	(*w)++;
	if (preempt_count() == 0)
		pr_err("pcpu: preemption is on inside get_cpu_var()\n");
	put_cpu_var(writes);
	return len;
}

static int pcpu_release(struct inode *inode, struct file *file)
{
	long hits = 0, w = 0;
	int cpu;

	for_each_possible_cpu(cpu) {
		pr_info("pcpu: cpu%d: %ld irqs, %ld writes\n", cpu, per_cpu(irq_hits, cpu), per_cpu(writes, cpu));
		hits += per_cpu(irq_hits, cpu);
		w += *per_cpu_ptr(&writes, cpu);
	}
	pr_info("pcpu: total %ld irqs, %ld writes on %d CPUs\n", hits, w, num_possible_cpus());
	return 0;
}

static const struct file_operations pcpu_fops = {
	.owner = THIS_MODULE,
	.write = pcpu_write,
	.release = pcpu_release,
};

static struct miscdevice pcpu_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "pcpu",
	.fops = &pcpu_fops,
};

static int __init pcpu_init(void)
{
	int ret = request_irq(PCPU_IRQ, pcpu_interrupt, IRQF_SHARED, "pcpu", &dev_cookie);

	if (ret)
		return ret;
	return misc_register(&pcpu_dev);
}

module_init(pcpu_init);
MODULE_LICENSE("GPL");
