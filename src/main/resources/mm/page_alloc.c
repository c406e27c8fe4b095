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
#include <linux/sched/mm.h>
#include <linux/lockdep.h>

#define MAX_ORDER 10

/*
 * Lockdep's stand-in for memory reclaim: held by code running reclaim, taken and dropped by
 * every allocation that may enter filesystem reclaim (might_alloc()). Its key is its own
 * address (a static map), its name "fs_reclaim", as in the kernel.
 */
struct lockdep_map __fs_reclaim_map = STATIC_LOCKDEP_MAP_INIT("fs_reclaim", LD_WAIT_INV);

static bool __need_reclaim(gfp_t gfp_mask)
{
    return __need_reclaim_pflags(gfp_mask, current->flags);
}

void __fs_reclaim_acquire(unsigned long ip)
{
    lock_acquire(&__fs_reclaim_map, 0, 0, 0, 1, NULL, _RET_IP_);
}

void __fs_reclaim_release(unsigned long ip)
{
    lock_release(&__fs_reclaim_map, _RET_IP_);
}

/* Entering reclaim as an allocation with gfp_mask would (only GFP_KERNEL-like masks do). */
void fs_reclaim_acquire(gfp_t gfp_mask)
{
    gfp_mask = current_gfp_context(gfp_mask);
    if (__need_reclaim(gfp_mask)) {
        if (gfp_mask & __GFP_FS)
            lock_acquire(&__fs_reclaim_map, 0, 0, 0, 1, NULL, _RET_IP_);
    }
}

void fs_reclaim_release(gfp_t gfp_mask)
{
    gfp_mask = current_gfp_context(gfp_mask);
    if (__need_reclaim(gfp_mask)) {
        if (gfp_mask & __GFP_FS)
            lock_release(&__fs_reclaim_map, _RET_IP_);
    }
}

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
