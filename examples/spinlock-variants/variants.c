/*
 * variants: what each member of the spinlock family does to preempt_count and to the
 * CPU's interrupt flag. Every step prints preempt_count() and irqs_disabled() right after
 * the call, so the log is a table of the family's effects:
 *
 *   spin_lock / spin_unlock                  +0x001 / -0x001
 *   spin_lock_bh / spin_unlock_bh            +0x201 / -0x201 (then runs pending softirqs)
 *   spin_lock_irq / spin_unlock_irq          +0x001, irqs off / -0x001, irqs ON
 *   spin_lock_irqsave / _irqrestore          +0x001, irqs off / -0x001, irqs as saved
 *   spin_trylock                             1: +0x001; 0: unchanged
 *
 * The module's init runs the table in the insmod task; a kthread then shows where a
 * tasklet scheduled inside a bottom-half-disabled section runs: in the caller's own
 * context, from spin_unlock_bh() / local_bh_enable(), with preempt_count 0x101.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/kthread.h> /* kthread_run(); includes <linux/sched.h> */
#include <linux/printk.h>

static spinlock_t lock;
static spinlock_t other;
static raw_spinlock_t raw_lock;
static struct tasklet_struct demo_tasklet;

static void show(const char *what)
{
	pr_info("%-46s preempt_count=%08x irqs_disabled=%d\n", what, preempt_count(), irqs_disabled() ? 1 : 0);
}

static void demo_tasklet_fn(unsigned long data)
{
	pr_info("  tasklet (%s): in_serving_softirq()=%d in_task()=%d preempt_count=%08x irqs_disabled=%d\n",
		(const char *)data, in_serving_softirq() ? 1 : 0, in_task() ? 1 : 0,
		preempt_count(), irqs_disabled() ? 1 : 0);
}

static int variants_thread(void *arg)
{
	unsigned long flags;

	show("kthread: start");

	spin_lock_bh(&lock);
	show("kthread: spin_lock_bh");
	tasklet_init(&demo_tasklet, demo_tasklet_fn, (unsigned long)"spin_unlock_bh");
	tasklet_schedule(&demo_tasklet);
	pr_info("  tasklet scheduled, TASKLET softirq pending=%d: it waits for the unlock\n",
		(local_softirq_pending() & (1U << TASKLET_SOFTIRQ)) ? 1 : 0);
	spin_unlock_bh(&lock);
	show("kthread: spin_unlock_bh (tasklet ran inside)");

	local_bh_disable();
	show("kthread: local_bh_disable");
	tasklet_init(&demo_tasklet, demo_tasklet_fn, (unsigned long)"local_bh_enable");
	tasklet_schedule(&demo_tasklet);
	local_bh_enable();
	show("kthread: local_bh_enable (tasklet ran inside)");

	raw_spin_lock_irqsave(&raw_lock, flags);
	show("kthread: raw_spin_lock_irqsave");
	raw_spin_unlock_irqrestore(&raw_lock, flags);
	show("kthread: raw_spin_unlock_irqrestore");

	pr_info("variants: kthread done\n");
	return 0;
}

static int __init variants_init(void)
{
	unsigned long flags;
	unsigned long outer;
	int ok;

	spin_lock_init(&lock);
	spin_lock_init(&other);
	raw_spin_lock_init(&raw_lock);

	show("init: start");

	spin_lock(&lock);
	show("spin_lock");
	spin_unlock(&lock);
	show("spin_unlock");

	spin_lock_bh(&lock);
	show("spin_lock_bh");
	spin_unlock_bh(&lock);
	show("spin_unlock_bh");

	spin_lock_irq(&lock);
	show("spin_lock_irq");
	spin_unlock_irq(&lock);
	show("spin_unlock_irq");

	spin_lock_irqsave(&lock, flags);
	show("spin_lock_irqsave (irqs were on)");
	spin_unlock_irqrestore(&lock, flags);
	show("spin_unlock_irqrestore");

	local_irq_save(outer);
	show("local_irq_save");
	spin_lock_irqsave(&lock, flags);
	show("  spin_lock_irqsave (irqs were off)");
	spin_unlock_irqrestore(&lock, flags);
	show("  spin_unlock_irqrestore (irqs stay off)");
	local_irq_restore(outer);
	show("local_irq_restore");

	ok = spin_trylock(&lock);
	pr_info("spin_trylock (free lock) returned %d\n", ok);
	show("  after spin_trylock success");
	ok = spin_trylock(&lock);
	pr_info("spin_trylock (held lock) returned %d\n", ok);
	show("  after spin_trylock failure");
	spin_unlock(&lock);
	show("spin_unlock");

	ok = spin_trylock_bh(&other);
	pr_info("spin_trylock_bh (free lock) returned %d\n", ok);
	show("  after spin_trylock_bh success");
	spin_unlock_bh(&other);
	show("spin_unlock_bh");

	/* The pitfall: spin_unlock_irq() enables irqs whatever the state before the lock. */
	local_irq_save(outer);
	show("local_irq_save");
	spin_lock_irq(&lock);
	show("  spin_lock_irq");
	spin_unlock_irq(&lock);
	show("  spin_unlock_irq");
	if (!irqs_disabled())
		pr_info("  PITFALL: irqs are enabled inside a local_irq_save() section\n");
	local_irq_restore(outer);
	show("local_irq_restore");

	/* Nesting adds up: two spinlocks, the second with bottom halves off. */
	spin_lock(&lock);
	show("spin_lock(lock)");
	spin_lock_bh(&other);
	show("  spin_lock_bh(other)");
	spin_unlock_bh(&other);
	show("  spin_unlock_bh(other)");
	spin_unlock(&lock);
	show("spin_unlock(lock)");

	kthread_run(variants_thread, NULL, "variants");
	return 0;
}

MODULE_LICENSE("GPL");
module_init(variants_init);
