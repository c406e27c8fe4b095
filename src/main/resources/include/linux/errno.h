/* spinlab's model of <linux/errno.h>: the Linux error numbers plus kernel-internal ones. */
#ifndef _SPINLAB_LINUX_ERRNO_H
#define _SPINLAB_LINUX_ERRNO_H

#include <asm/errno.h>

/* Never seen by user space: the syscall layer turns them into EINTR or ENOTTY. */
#define ERESTARTSYS 512
#define ENOIOCTLCMD 515
#define ENOTSUPP 524

#endif
