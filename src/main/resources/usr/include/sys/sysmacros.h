/* spinlab's model of <sys/sysmacros.h>: glibc's encoding of device numbers. */
#ifndef _SPINLAB_SYS_SYSMACROS_H
#define _SPINLAB_SYS_SYSMACROS_H

#include <sys/types.h>

#define makedev(maj, min) \
    ((dev_t)((((unsigned long)(min)) & 0xff) | ((((unsigned long)(maj)) & 0xfff) << 8) \
             | ((((unsigned long)(min)) & ~0xffUL) << 12) | ((((unsigned long)(maj)) & ~0xfffUL) << 32)))
#define major(dev) ((unsigned int)((((dev) >> 8) & 0xfff) | (((dev) >> 32) & ~0xfffU)))
#define minor(dev) ((unsigned int)(((dev) & 0xff) | (((dev) >> 12) & ~0xffU)))

#endif
