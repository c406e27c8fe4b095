/* spinlab's model of <linux/slab.h>: the kernel heap. */
#ifndef _SPINLAB_LINUX_SLAB_H
#define _SPINLAB_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void kfree(const void *p);

#endif
