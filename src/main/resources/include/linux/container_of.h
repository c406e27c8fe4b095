/* spinlab's model of <linux/container_of.h>: from a pointer to a member back to its container. */
#ifndef _SPINLAB_LINUX_CONTAINER_OF_H
#define _SPINLAB_LINUX_CONTAINER_OF_H

#include <linux/stddef.h>

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define container_of_const(ptr, type, member) container_of(ptr, type, member)

#endif
