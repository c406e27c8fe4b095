/* spinlab's model of <linux/smp.h>: CPU numbers. */
#ifndef _SPINLAB_LINUX_SMP_H
#define _SPINLAB_LINUX_SMP_H

#define NR_CPUS 8

int raw_smp_processor_id(void);
#define smp_processor_id() raw_smp_processor_id()
extern int nr_cpu_ids;
#define num_online_cpus() nr_cpu_ids

/* preempt_disable(), then this CPU's number (lib/percpu.c) */
int __spinlab_get_cpu(void);
#define get_cpu() __spinlab_get_cpu()
#define put_cpu() preempt_enable()

/* Interprocessor interrupts: a reschedule request to another CPU (sched/core.c). */
void smp_send_reschedule(int cpu);

#endif
