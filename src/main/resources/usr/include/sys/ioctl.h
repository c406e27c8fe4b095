/* spinlab's model of <sys/ioctl.h>: ioctl() and Linux's request-number encoding. */
#ifndef _SPINLAB_SYS_IOCTL_H
#define _SPINLAB_SYS_IOCTL_H

#include <asm/ioctl.h>

int ioctl(int fd, unsigned long request, ...);

#endif
