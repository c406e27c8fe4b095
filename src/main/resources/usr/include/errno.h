/* spinlab's model of <errno.h>: errno and the Linux error numbers. */
#ifndef _SPINLAB_ERRNO_H
#define _SPINLAB_ERRNO_H

#include <asm/errno.h>

extern int errno;

#endif
