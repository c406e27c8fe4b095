/* spinlab's model of <linux/gfp.h>: allocation flags, with the kernel's values. */
#ifndef _SPINLAB_LINUX_GFP_H
#define _SPINLAB_LINUX_GFP_H

#include <linux/types.h>

#define __GFP_ZERO 0x100u
#define __GFP_DIRECT_RECLAIM 0x400u
#define GFP_ATOMIC 0x820u
#define GFP_KERNEL 0xcc0u
#define GFP_NOWAIT 0x800u

#endif
