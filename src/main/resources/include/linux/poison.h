/* spinlab's model of <linux/poison.h>: the pointers a deleted list entry is left holding. */
#ifndef _SPINLAB_LINUX_POISON_H
#define _SPINLAB_LINUX_POISON_H

/* CONFIG_ILLEGAL_POINTER_VALUE is 0 in the model (no MMU): the addresses fault as the kernel's do */
#define POISON_POINTER_DELTA 0
#define LIST_POISON1 ((void *)(0x100 + POISON_POINTER_DELTA))
#define LIST_POISON2 ((void *)(0x122 + POISON_POINTER_DELTA))
#define POISON_FREE 0x6b
#define POISON_INUSE 0x5a

#endif
