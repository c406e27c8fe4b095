/*
 * spinlab's model of <linux/debug_locks.h>: lock debugging reports. DEBUG_LOCKS_WARN_ON(c)
 * warns with the condition's text the first time a check fails and then turns lock debugging
 * off (debug_locks_off()), as the kernel does, so one bug gives one report.
 */
#ifndef _SPINLAB_LINUX_DEBUG_LOCKS_H
#define _SPINLAB_LINUX_DEBUG_LOCKS_H

#include <linux/bug.h>

extern int debug_locks;
int debug_locks_off(void);
int __debug_locks_warn(const char *cond);

#define DEBUG_LOCKS_WARN_ON(c) ((c) ? __debug_locks_warn(#c) : 0)

#endif
