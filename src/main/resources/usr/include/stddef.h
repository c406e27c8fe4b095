/* spinlab's model of <stddef.h>: the common definitions of C11 7.19 for LP64. */
#ifndef _SPINLAB_STDDEF_H
#define _SPINLAB_STDDEF_H

#ifndef _SPINLAB_SIZE_T
#define _SPINLAB_SIZE_T
typedef unsigned long size_t;
#endif
typedef long ptrdiff_t;

#ifndef NULL
#define NULL ((void *)0)
#endif

#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
