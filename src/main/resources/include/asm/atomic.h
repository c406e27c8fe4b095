/*
 * spinlab's model of <asm/atomic.h>: the architecture's atomics, which in the kernel
 * <linux/atomic.h> wraps; older drivers include this one directly. The model's are in
 * <linux/atomic.h> (ARM's ldrex/strex loops), so this is that header.
 */
#ifndef _SPINLAB_ASM_ATOMIC_H
#define _SPINLAB_ASM_ATOMIC_H

#include <linux/atomic.h>

#endif
