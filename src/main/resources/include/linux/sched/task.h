/* spinlab's model of <linux/sched/task.h>: task references (in <linux/sched.h> in the model). */
#ifndef _SPINLAB_LINUX_SCHED_TASK_H
#define _SPINLAB_LINUX_SCHED_TASK_H

#include <linux/sched.h>

#endif
