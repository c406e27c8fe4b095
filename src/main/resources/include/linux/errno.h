/* spinlab's model of <linux/errno.h>: the Linux error numbers plus kernel-internal ones. */
#ifndef _SPINLAB_LINUX_ERRNO_H
#define _SPINLAB_LINUX_ERRNO_H

#include <asm/errno.h>

/* Never seen by user space: the syscall layer turns them into EINTR or ENOTTY. */
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ENOIOCTLCMD 515
#define ERESTART_RESTARTBLOCK 516
#define EPROBE_DEFER 517
#define EOPENSTALE 518
#define ENOPARAM 519
#define EBADHANDLE 521
#define ENOTSUPP 524

#endif
