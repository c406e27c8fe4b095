/*
 * spinlab's model of <linux/cred.h>: every task runs as root in the
 * model (docs/kernel.md), so the current credentials are uid 0 and gid 0 in the initial user
 * namespace (init_user_ns, kernel/user.c).
 */
#ifndef _SPINLAB_LINUX_CRED_H
#define _SPINLAB_LINUX_CRED_H

#include <linux/types.h>
#include <linux/capability.h>
#include <linux/sched.h>
#include <linux/uidgid.h>

#define current_uid() GLOBAL_ROOT_UID
#define current_gid() GLOBAL_ROOT_GID
#define current_euid() GLOBAL_ROOT_UID
#define current_egid() GLOBAL_ROOT_GID
#define current_fsuid() GLOBAL_ROOT_UID
#define current_user_ns() (&init_user_ns)

#endif
