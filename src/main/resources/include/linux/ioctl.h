/* spinlab's model of <linux/ioctl.h>: the ioctl request encoding. */
#ifndef _SPINLAB_LINUX_IOCTL_H
#define _SPINLAB_LINUX_IOCTL_H

#include <asm/ioctl.h>

#endif
