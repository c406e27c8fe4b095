/*
 * helpers: one line per helper with what it gave, and a WARN where C's own arithmetic says
 * otherwise.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/math64.h>
#include <linux/delay.h>
#include <linux/list.h>
#include <linux/debugfs.h>
#include <linux/proc_fs.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>
#include <linux/bug.h>
#include <linux/workqueue.h>
#include <linux/atomic.h>

#define EXPECT(what, got, want) do { \
	long long __g = (long long)(got), __w = (long long)(want); \
	WARN(__g != __w, "helpers: %s gave %lld, not %lld\n", what, __g, __w); \
	pr_info("helpers: %-34s %lld\n", what, __g); \
} while (0)

struct item {
	int n;
	struct list_head node;
};

static struct item items[5];
static LIST_HEAD(item_list);
static DEFINE_SPINLOCK(helpers_lock);
static struct dentry *dir;
static u32 knob;

static int knob_get(void *data, u64 *val)
{
	*val = *(u32 *)data;
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(knob_fops, knob_get, NULL, "%llu\n");

/* members a driver may set that the model's VFS never calls (jiq.c of LDD3 sets the first) */
static const struct proc_ops unmapped_proc_ops = {
	.proc_get_unmapped_area = NULL,
};
static const struct file_operations inert_fops = {
	.owner = THIS_MODULE,
	.get_unmapped_area = NULL,
	.check_flags = NULL,
	.show_fdinfo = NULL,
};

static int stack_work_ran;

static void stack_work_fn(struct work_struct *work)
{
	stack_work_ran++;
}

static int __init helpers_init(void)
{
	struct work_struct stack_work;
	uint64_t n = 1000000000007ULL;
	uint32_t rem;
	int32_t s = -7;
	struct item *it;
	int i, sum;

	rem = do_div(n, 1000);
	EXPECT("do_div quotient", n, 1000000000LL);
	EXPECT("do_div remainder", rem, 7);
	EXPECT("div_u64", div_u64(3000000000ULL, 7), 428571428LL);
	EXPECT("div_s64", div_s64(-3000000000LL, 7), -428571428LL);
	EXPECT("div64_u64", div64_u64(1ULL << 62, 3ULL << 30), 1431655765LL);
	EXPECT("mul_u64_u32_shr(2^40+5, 3^20, 30)", mul_u64_u32_shr((1ULL << 40) + 5, 3486784401U, 30), 3570467226640LL);
	EXPECT("mul_u64_u32_shr(2^63, 2^31, 62)", mul_u64_u32_shr(1ULL << 63, 1U << 31, 62), 1LL << 32);
	EXPECT("sizeof(uint64_t) + sizeof(int8_t)", sizeof(uint64_t) + sizeof(int8_t), 9);
	EXPECT("int32_t -7 / 2", s / 2, -3);
	EXPECT("loops_per_jiffy", loops_per_jiffy, 4096);
	EXPECT("boot_cpu_has(X86_FEATURE_CX8)", boot_cpu_has(X86_FEATURE_CX8), 1);
	EXPECT("boot_cpu_has(X86_FEATURE_HYPERVISOR)", boot_cpu_has(X86_FEATURE_HYPERVISOR), 0);

	for (i = 0; i < 5; i++) {
		items[i].n = i + 1;
		list_add_tail(&items[i].node, &item_list);
	}
	it = &items[2];
	sum = 0;
	list_for_each_entry_continue_reverse(it, &item_list, node)
		sum = sum * 10 + it->n;
	EXPECT("continue_reverse from 3", sum, 21);
	it = &items[2];
	sum = 0;
	list_for_each_entry_from_reverse(it, &item_list, node)
		sum = sum * 10 + it->n;
	EXPECT("from_reverse from 3", sum, 321);
	it = list_next_entry_circular(&items[4], &item_list, node);
	EXPECT("next_entry_circular after 5", it->n, 1);

	dir = debugfs_create_dir("helpers", NULL);
	EXPECT("debugfs_create_dir", PTR_ERR(dir), -ENODEV);
	EXPECT("debugfs_create_file", PTR_ERR(debugfs_create_file("knob", 0644, dir, &knob, &knob_fops)), -ENODEV);
	debugfs_create_u32("raw", 0444, dir, &knob);
	EXPECT("debugfs_create_file (inert fops)", PTR_ERR(debugfs_create_file("inert", 0444, dir, NULL, &inert_fops)), -ENODEV);
	(void)unmapped_proc_ops;

	INIT_WORK_ONSTACK(&stack_work, stack_work_fn);
	schedule_work(&stack_work);
	flush_work(&stack_work);
	destroy_work_on_stack(&stack_work);
	EXPECT("on-stack work ran, flushed", stack_work_ran, 1);

	{
		atomic_t a = ATOMIC_INIT(0);
		atomic64_t b = ATOMIC64_INIT(5);
		atomic_long_t c = ATOMIC_LONG_INIT(1);

		atomic_or(0x5, &a);
		EXPECT("atomic_fetch_xor 0x5^0x6", atomic_fetch_xor(0x6, &a), 0x5);
		atomic_andnot(0x1, &a);
		EXPECT("atomic_or, _xor, _andnot", atomic_read(&a), 0x2);
		EXPECT("atomic_dec_if_positive at 2", atomic_dec_if_positive(&a), 1);
		atomic_set(&a, 0);
		EXPECT("atomic_dec_if_positive at 0", atomic_dec_if_positive(&a), -1);
		EXPECT("the atomic_t stays 0", atomic_read(&a), 0);
		EXPECT("atomic_inc_unless_negative", atomic_inc_unless_negative(&a), 1);
		EXPECT("atomic64_sub_return", atomic64_sub_return(7, &b), -2);
		EXPECT("atomic64_inc_not_zero at -2", atomic64_inc_not_zero(&b), 1);
		EXPECT("atomic64_dec_if_positive at -1", atomic64_dec_if_positive(&b), -2);
		EXPECT("atomic64_fetch_or", atomic64_fetch_or(1L << 40, &b), -1);
		EXPECT("atomic_long_dec_and_test at 1", atomic_long_dec_and_test(&c), 1);
		atomic_set(&a, 2);
		EXPECT("atomic_dec_and_lock 2 -> 1", atomic_dec_and_lock(&a, &helpers_lock), 0);
		EXPECT("atomic_dec_and_lock 1 -> 0", atomic_dec_and_lock(&a, &helpers_lock), 1);
		EXPECT("... and returns holding the lock", spin_is_locked(&helpers_lock), 1);
		spin_unlock(&helpers_lock);
	}

	{
		cpumask_var_t mask;
		int cpu, sum = 0;

		if (!zalloc_cpumask_var(&mask, GFP_KERNEL))
			return -ENOMEM;
		EXPECT("cpulist_parse(\"0,2-3\") on 1 CPU", cpulist_parse("0,2-3", mask), -ERANGE);
		EXPECT("cpulist_parse(\"0\")", cpulist_parse("0", mask), 0);
		cpumask_set_cpu(5, mask);
		for_each_cpu(cpu, mask)
			sum += cpu + 1;
		EXPECT("for_each_cpu sees the booted CPUs only", sum, 1);
		EXPECT("cpumask_weight(cpu_online_mask)", cpumask_weight(cpu_online_mask), num_online_cpus());
		EXPECT("cpumask_test_cpu(5, cpu_possible_mask)", cpumask_test_cpu(5, cpu_possible_mask), 0);
		EXPECT("cpumask_equal(cpumask_of(0), mask)", cpumask_equal(cpumask_of(0), mask), 1);
		free_cpumask_var(mask);
	}

	cpus_read_lock();
	pr_info("helpers: cpus_read_lock held, %u CPUs online\n", num_online_cpus());
	cpus_read_unlock();
#ifdef UNDER_LOCK
	spin_lock(&helpers_lock);
	cpus_read_lock();
	cpus_read_unlock();
	spin_unlock(&helpers_lock);
#endif
#ifdef FAIL_INIT
	return -EAGAIN;
#endif
	return 0;
}

static void __exit helpers_exit(void)
{
	debugfs_remove_recursive(dir);
	pr_info("helpers: unloaded\n");
}

module_init(helpers_init);
module_exit(helpers_exit);
MODULE_LICENSE("GPL");
