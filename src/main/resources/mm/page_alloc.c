/*
 * spinlab's model of mm/page_alloc.c for drivers: __get_free_pages() and free_pages(). A block
 * of 2^order pages is a heap block of PAGE_SIZE << order bytes; the same GFP rules as kmalloc
 * (__GFP_DIRECT_RECLAIM may sleep). Orders above MAX_ORDER fail with the kernel's warning.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sched.h>

#define MAX_ORDER 10

unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
    if (order > MAX_ORDER) {
        WARN_ON_ONCE(!(gfp_mask & __GFP_NOWARN));
        return 0;
    }
    return (unsigned long)kmalloc(PAGE_SIZE << order, gfp_mask);
}

unsigned long get_zeroed_page(gfp_t gfp_mask)
{
    return __get_free_pages(gfp_mask | __GFP_ZERO, 0);
}

void free_pages(unsigned long addr, unsigned int order)
{
    if (addr != 0)
        kfree((void *)addr);
}
