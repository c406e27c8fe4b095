/* spinlab's model of <sys/types.h>: the POSIX integer types user programs need. */
#ifndef _SPINLAB_SYS_TYPES_H
#define _SPINLAB_SYS_TYPES_H

#include <stddef.h>

typedef int pid_t;
#ifndef _SPINLAB_SSIZE_T
#define _SPINLAB_SSIZE_T
typedef long ssize_t;
#endif
typedef long off_t;
typedef unsigned int mode_t;
typedef unsigned long dev_t;

#endif
