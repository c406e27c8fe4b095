/*
 * spinlab's model of <linux/sched/signal.h>: signal_pending() and friends (in <linux/sched.h>
 * in the model). The model has no signals, so no signal is ever pending and interruptible
 * sleeps are never interrupted (docs/kernel.md).
 */
#ifndef _SPINLAB_LINUX_SCHED_SIGNAL_H
#define _SPINLAB_LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/signal.h>

static inline int fatal_signal_pending(struct task_struct *p)
{
    return 0;   /* no SIGKILL can be pending: the model sends no signals */
}

/* kthreads that accept signals (allow_signal) never receive any in the model */
#define allow_signal(sig) do { } while (0)
#define disallow_signal(sig) do { } while (0)

#endif
