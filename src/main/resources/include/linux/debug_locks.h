/*
 * spinlab's model of <linux/debug_locks.h>: lock debugging reports. DEBUG_LOCKS_WARN_ON(c)
 * warns with the condition's text the first time a check fails and then turns lock debugging
 * off (debug_locks_off()), as the kernel does, so one bug gives one report.
 */
#ifndef _SPINLAB_LINUX_DEBUG_LOCKS_H
#define _SPINLAB_LINUX_DEBUG_LOCKS_H

#include <linux/bug.h>

/* 1 until the first lock-debugging report; every later report is silent, as in the kernel. */
extern int debug_locks;

/* Turns lock debugging off; returns 1 if it was on (the caller may print its one report). */
int debug_locks_off(void);
int __debug_locks_warn(const char *cond);

#define DEBUG_LOCKS_WARN_ON(c) ((c) ? __debug_locks_warn(#c) : 0)

#endif
