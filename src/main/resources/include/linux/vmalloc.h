/*
 * spinlab's model of <linux/vmalloc.h> (mm/vmalloc.c): virtually contiguous allocations. The
 * model has no page tables: a vmalloc area is a heap block the allocator remembers as one, so
 * is_vmalloc_addr() and kvfree() can tell it from a kmalloc block. vmalloc() may sleep.
 */
#ifndef _SPINLAB_LINUX_VMALLOC_H
#define _SPINLAB_LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *vmalloc_array(size_t n, size_t size);
void *vcalloc(size_t n, size_t size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void vfree(const void *addr);
bool is_vmalloc_addr(const void *x);
#define vmalloc_user(size) vzalloc(size)
#define vmalloc_node(size, node) vmalloc(size)
#define vzalloc_node(size, node) vzalloc(size)

#endif
