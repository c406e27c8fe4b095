/* spinlab's model of <linux/stddef.h>: NULL and offsetof for kernel code. */
#ifndef _SPINLAB_LINUX_STDDEF_H
#define _SPINLAB_LINUX_STDDEF_H

#ifndef NULL
#define NULL ((void *)0)
#endif

#ifndef offsetof
#define offsetof(type, member) __builtin_offsetof(type, member)
#endif

#endif
