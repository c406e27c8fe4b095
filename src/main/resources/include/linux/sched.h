/* spinlab's model of <linux/sched.h>: tasks, their states, and the scheduler's entry points. */
#ifndef _SPINLAB_LINUX_SCHED_H
#define _SPINLAB_LINUX_SCHED_H

#include <linux/signal_types.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/irqflags.h>
#include <linux/smp.h>
#include <linux/spinlock_types.h>
#include <asm/processor.h>

#define TASK_RUNNING 0x0000
#define TASK_INTERRUPTIBLE 0x0001
#define TASK_UNINTERRUPTIBLE 0x0002
#define TASK_DEAD 0x0080
#define TASK_NORMAL (TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)
#define TASK_RTLOCK_WAIT 0x1000  /* blocked on a PREEMPT_RT spinlock_t/rwlock_t (state preserving) */

/* include/linux/sched/prio.h: 0..99 real-time, 100..139 SCHED_NORMAL's nice levels */
#define MAX_RT_PRIO 100
#define MAX_PRIO 140
#define DEFAULT_PRIO 120
#define SCHED_NORMAL 0
#define SCHED_FIFO 1

#define TASK_COMM_LEN 16
#define MAX_SCHEDULE_TIMEOUT 0x7fffffffffffffffL

#define PF_EXITING 0x00000004
#define PF_KTHREAD 0x00200000
#define PF_MEMALLOC 0x00000800        /* reclaiming: its allocations never enter reclaim again */
#define PF_MEMALLOC_NOFS 0x00040000   /* memalloc_nofs_save() scope: allocations act as GFP_NOFS */
#define PF_MEMALLOC_NOIO 0x00080000   /* memalloc_noio_save() scope: allocations act as GFP_NOIO */
#define PF_IDLE 0x00000002
#define PF_NO_SETAFFINITY 0x04000000 /* per-CPU kernel threads: never migrated */

struct files_struct;
struct rt_mutex_waiter;

/* task_struct.user_origin: a program init started, a fork()ed child, a command typed at the console */
#define USER_ORIGIN_INIT     0
#define USER_ORIGIN_FORK     1
#define USER_ORIGIN_CONSOLE  2

struct task_struct {
    volatile long __state;
    unsigned int flags;
    int on_rq;
    int on_cpu;              /* running on a CPU, or switching away from it */
    raw_spinlock_t pi_lock;  /* serialises wake-ups of this task */
    int cpu;
    int need_resched;        /* TIF_NEED_RESCHED */
    pid_t pid;
    char comm[TASK_COMM_LEN];
    struct list_head run_list;
    int exec_ctx;            /* the machine's execution context of this task */
    int in_syscall;          /* nesting of syscalls: 0 means the task runs user code */
    int exit_code;
    int preempt_leak_reported;
    unsigned long slice_start;
    void *user_entry;        /* user program's _start, for processes */
    int user_argc;           /* and its arguments */
    char **user_argv;
    int user_origin;         /* how the process began: USER_ORIGIN_* (the process list reads it) */
    struct files_struct *files;
    struct list_head tasks;
    struct sigpending pending;   /* never anything: the model has no signals */
    sigset_t blocked;
#ifdef CONFIG_PREEMPT_RT
    /* priorities (the model has them only under PREEMPT_RT: irq threads are SCHED_FIFO) */
    int policy;                  /* SCHED_NORMAL or SCHED_FIFO */
    int prio;                    /* effective: normal_prio, or a PI boost */
    int normal_prio;             /* from the policy: MAX_RT_PRIO - 1 - rt_priority, or DEFAULT_PRIO */
    int rt_priority;
    struct list_head pi_waiters; /* rt_mutex waiters on locks this task owns */
    struct rt_mutex_waiter *pi_blocked_on;
    unsigned int saved_state;    /* the state an rtlock wait preserves */
    int migration_disabled;
    int rcu_read_lock_nesting;   /* CONFIG_PREEMPT_RCU's reader nesting */
    int softirq_disable_cnt;     /* this task's share of the CPU's bh-disabled count */
#endif
};

struct task_struct *get_current(void);
#define current get_current()

#define set_current_state(state_value) (current->__state = (state_value))
#define __set_current_state(state_value) (current->__state = (state_value))

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_interruptible(long timeout);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
int try_to_wake_up(struct task_struct *p, unsigned int state);
void schedule_preempt_disabled(void);
void set_tsk_need_resched(struct task_struct *p);
int need_resched(void);
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)
#ifdef CONFIG_PREEMPT_RT
/*
 * __might_resched()'s offsets: the expected preempt count in the low 8 bits, the expected
 * RCU read-side nesting above MIGHT_RESCHED_RCU_SHIFT (include/linux/kernel.h)
 */
#define MIGHT_RESCHED_RCU_SHIFT 8
#define MIGHT_RESCHED_PREEMPT_MASK ((1U << MIGHT_RESCHED_RCU_SHIFT) - 1)
void __might_resched(const char *file, int line, unsigned int offsets);
void migrate_disable(void);
void migrate_enable(void);
int sched_set_fifo(struct task_struct *p);
void rt_mutex_setprio(struct task_struct *p, int prio);
#endif
int _cond_resched(void);
#define cond_resched() _cond_resched()
int signal_pending(struct task_struct *p);
int signal_pending_state(unsigned int state, struct task_struct *p);
void yield(void);

#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

/* include/linux/sched/task.h: the model never frees a task_struct, so references are free. */
#define get_task_struct(t) (t)
#define put_task_struct(t) do { } while (0)
#define task_pid_nr(tsk) ((tsk)->pid)

#define TASK_PARKED 0x0040
#define TASK_WAKEKILL 0x0100
#define TASK_NOLOAD 0x0400
#define TASK_KILLABLE (TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE (TASK_UNINTERRUPTIBLE | TASK_NOLOAD)

#include <linux/spinlab_rt.h>

#endif

/* the allocation-context API (might_alloc, memalloc_nofs_save...), which kernel code gets with <linux/sched.h> */
#include <linux/sched/mm.h>
