/*
 * spinlab's model of <linux/mm.h>: what drivers take from it — page sizes, the page
 * allocator and the kernel heap. Memory mapping (mmap, vm_area_struct, remap_pfn_range) is
 * not modelled: the model has one address space and no MMU.
 */
#ifndef _SPINLAB_LINUX_MM_H
#define _SPINLAB_LINUX_MM_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/overflow.h>
#include <asm/page.h>

#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)

#endif
