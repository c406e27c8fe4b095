/*
 * pcpu_ops: checks the per-CPU operations' results with preemption off, one line each, and
 * a WARN when one is not what C's arithmetic in the variable's own type gives.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/percpu.h>
#include <linux/bug.h>

static DEFINE_PER_CPU(long, pcp_long);
static DEFINE_PER_CPU(unsigned long, pcp_ulong);
static DEFINE_PER_CPU(int, pcp_int);

#define EXPECT(what, got, want) do { \
	long __g = (long)(got), __w = (long)(want); \
	WARN(__g != __w, "pcpu_ops: %s gave %ld, not %ld\n", what, __g, __w); \
	pr_info("pcpu_ops: %-28s %ld\n", what, __g); \
} while (0)

static int __init pcpu_ops_init(void)
{
	unsigned int one = 1;
	int minus_one = -1;

	preempt_disable();
	__this_cpu_write(pcp_long, 0);
	this_cpu_sub(pcp_long, one);
	EXPECT("this_cpu_sub(long, 1u)", this_cpu_read(pcp_long), -1);
	__this_cpu_sub(pcp_long, one);
	EXPECT("__this_cpu_sub(long, 1u)", __this_cpu_read(pcp_long), -2);
	EXPECT("this_cpu_sub_return", this_cpu_sub_return(pcp_long, one), -3);
	EXPECT("__this_cpu_sub_return", __this_cpu_sub_return(pcp_long, one), -4);
	EXPECT("this_cpu_add_return", this_cpu_add_return(pcp_long, 10), 6);
	EXPECT("this_cpu_inc_return", this_cpu_inc_return(pcp_long), 7);
	EXPECT("this_cpu_dec_return", this_cpu_dec_return(pcp_long), 6);

	__this_cpu_write(pcp_ulong, 0);
	this_cpu_add(pcp_ulong, minus_one);
	EXPECT("this_cpu_add(ulong, -1) == ~0", __this_cpu_read(pcp_ulong) == ~0UL, 1);

	__this_cpu_write(pcp_int, 5);
	EXPECT("this_cpu_xchg (old)", this_cpu_xchg(pcp_int, 9), 5);
	EXPECT("this_cpu_cmpxchg miss (old)", this_cpu_cmpxchg(pcp_int, 5, 1), 9);
	EXPECT("this_cpu_cmpxchg hit (old)", this_cpu_cmpxchg(pcp_int, 9, 1), 9);
	EXPECT("the int after cmpxchg", this_cpu_read(pcp_int), 1);
	preempt_enable();
	return 0;
}

static void __exit pcpu_ops_exit(void)
{
	pr_info("pcpu_ops: unloaded\n");
}

module_init(pcpu_ops_init)
module_exit(pcpu_ops_exit)
MODULE_LICENSE("GPL");
