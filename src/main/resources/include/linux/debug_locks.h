/* spinlab's model of <linux/debug_locks.h>: the global switch of lock debugging. */
#ifndef _SPINLAB_LINUX_DEBUG_LOCKS_H
#define _SPINLAB_LINUX_DEBUG_LOCKS_H

/* 1 until the first lock-debugging report; every later report is silent, as in the kernel. */
extern int debug_locks;

/* Turns lock debugging off; returns 1 if it was on (the caller may print its one report). */
int debug_locks_off(void);

#endif
