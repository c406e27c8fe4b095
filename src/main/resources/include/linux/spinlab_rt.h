/*
 * spinlab's PREEMPT_RT switches for the model kernel's own C (not a kernel header).
 *
 * The kernel puts its PREEMPT_RT variants in place with #ifdef CONFIG_PREEMPT_RT. The model
 * cannot: its non-RT runs print kernel file:line:column positions and function sizes
 * (name+0xoff/0xsize) that every golden scenario compares byte for byte, so an #ifdef line in
 * the middle of an existing function, or a statement added to one, would change them. So the
 * RT variants live at the end of the file that has the function upstream (kernel/sched/core.c,
 * kernel/softirq.c, kernel/irq/handle.c, ...), and the function itself gets a
 * __PREEMPT_RT_ONLY(...) appended to an existing line: under CONFIG_PREEMPT_RT it expands to
 * the call (usually "return rt_variant(...);"), otherwise to no token at all, so a non-RT
 * build compiles exactly the tokens it compiled before.
 */
#ifndef _SPINLAB_LINUX_SPINLAB_RT_H
#define _SPINLAB_LINUX_SPINLAB_RT_H

#ifdef CONFIG_PREEMPT_RT
#define __PREEMPT_RT_ONLY(...) __VA_ARGS__

struct rq;
struct task_struct;
struct softirq_action;

/* kernel/sched/core.c */
void rt_sched_init_task(struct task_struct *p, int prio);
void rt_enqueue_task(struct rq *rq, struct task_struct *p);
struct task_struct *rt_pull_task(struct rq *rq, int this_cpu);
void rt_schedule_debug(struct task_struct *prev, int preempt);
void rt_restore_softirq_cnt(void);
int rt_try_to_wake_up(struct task_struct *p, unsigned int state);
int rt_tick_no_slice(void);
/* kernel/softirq.c */
void rt_local_bh_disable_ip(unsigned long ip, unsigned int cnt);
void rt_local_bh_enable_ip(unsigned long ip, unsigned int cnt);
int rt_run_ksoftirqd(void *data);
void rt_softirq_init(void);
/* kernel/irq/handle.c (upstream kernel/irq/manage.c): declared in <linux/interrupt.h> */
/* include/generated/compile.h's UTS_VERSION: "#1 SMP PREEMPT_RT" */
#define UTS_PREEMPT "PREEMPT_RT"
#else
#define __PREEMPT_RT_ONLY(...)
#define UTS_PREEMPT "PREEMPT"
#endif

#endif
