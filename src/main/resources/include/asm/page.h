/* spinlab's model of <asm/page.h>: 4 KiB pages. The model has no MMU: a kernel address is its own "physical" address. */
#ifndef _SPINLAB_ASM_PAGE_H
#define _SPINLAB_ASM_PAGE_H

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) (((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(addr) (((unsigned long)(addr) & (PAGE_SIZE - 1)) == 0)

#define __pa(x) ((unsigned long)(x))
#define __va(x) ((void *)(unsigned long)(x))
#define virt_to_phys(x) __pa(x)
#define phys_to_virt(x) __va(x)

#endif
