/* spinlab's model of <linux/sched.h>: tasks and the scheduler entry points. */
#ifndef _SPINLAB_LINUX_SCHED_H
#define _SPINLAB_LINUX_SCHED_H

#include <linux/types.h>
#include <asm/processor.h>

#define TASK_RUNNING 0
#define TASK_INTERRUPTIBLE 1
#define TASK_UNINTERRUPTIBLE 2

#define TASK_COMM_LEN 16

struct task_struct {
    pid_t pid;
    char comm[TASK_COMM_LEN];
};

struct task_struct *get_current(void);
#define current get_current()

void schedule(void);
long schedule_timeout(long timeout);
void set_current_state(int state);
void __set_current_state(int state);
int signal_pending(struct task_struct *p);
void might_sleep(void);
void cond_resched(void);
int wake_up_process(struct task_struct *p);

#endif
