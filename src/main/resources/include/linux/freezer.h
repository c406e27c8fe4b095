/*
 * spinlab's model of <linux/freezer.h>: the model never suspends or hibernates, so no task is
 * ever frozen: set_freezable() marks nothing, try_to_freeze() returns false, and the freezable
 * waits are their interruptible forms.
 */
#ifndef _SPINLAB_LINUX_FREEZER_H
#define _SPINLAB_LINUX_FREEZER_H

#include <linux/types.h>
#include <linux/wait.h>

#define set_freezable() do { } while (0)
#define try_to_freeze() false
#define freezing(p) false
#define frozen(p) false

#endif
