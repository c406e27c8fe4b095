/*
 * spinlab's model of <linux/sched/clock.h>: the scheduler's clocks. local_clock() is the
 * machine's clock (declared with the jiffies helpers in the model); sched_clock() and
 * running_clock() read the same one, as on a machine with one stable clock source.
 */
#ifndef _SPINLAB_LINUX_SCHED_CLOCK_H
#define _SPINLAB_LINUX_SCHED_CLOCK_H

#include <linux/jiffies.h>

#define sched_clock() ((u64)local_clock())
#define running_clock() ((u64)local_clock())

#endif
