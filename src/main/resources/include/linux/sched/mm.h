/*
 * spinlab's model of <linux/sched/mm.h>, the allocation-context part: the scoped NOFS/NOIO
 * API (memalloc_nofs_save() and friends set a flag of the current task that every
 * allocation inside the scope reads, current_gfp_context()), and might_alloc(), lockdep's
 * annotation that an allocation may enter direct reclaim.
 *
 * Lockdep models memory reclaim as a lock, the fs_reclaim map (mm/page_alloc.c): reclaim
 * code holds it (fs_reclaim_acquire()), and an allocation that may recurse into filesystem
 * reclaim (GFP_KERNEL: __GFP_DIRECT_RECLAIM and __GFP_FS, outside a NOFS/NOIO scope and not
 * in reclaim itself, PF_MEMALLOC) takes and drops it at once. So a lock that is taken inside
 * reclaim and also held around a GFP_KERNEL allocation closes a cycle lockdep reports, and an
 * allocation of that kind inside reclaim is recursive locking; GFP_NOFS, GFP_NOIO,
 * GFP_ATOMIC and GFP_NOWAIT allocations never enter the map.
 */
#ifndef _SPINLAB_LINUX_SCHED_MM_H
#define _SPINLAB_LINUX_SCHED_MM_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/lockdep.h>

/* The allocation flags in force for the current task: its NOIO/NOFS scope clears __GFP_IO/__GFP_FS. */
static inline gfp_t __gfp_context(gfp_t flags, unsigned int pflags)
{
    if (pflags & (PF_MEMALLOC_NOIO | PF_MEMALLOC_NOFS)) {
        if (pflags & PF_MEMALLOC_NOIO)
            flags &= ~(__GFP_IO | __GFP_FS);
        else if (pflags & PF_MEMALLOC_NOFS)
            flags &= ~__GFP_FS;
    }
    return flags;
}

static inline gfp_t current_gfp_context(gfp_t flags)
{
    return __gfp_context(flags, READ_ONCE(current->flags));
}

/* mm/page_alloc.c: lockdep's fs_reclaim map taken and released as reclaim would for gfp_mask */
/* (always built: lockdep is switched at run time, its intrinsics do nothing when it is off) */
extern struct lockdep_map __fs_reclaim_map;
void __fs_reclaim_acquire(unsigned long ip);
void __fs_reclaim_release(unsigned long ip);
void fs_reclaim_acquire(gfp_t gfp_mask);
void fs_reclaim_release(gfp_t gfp_mask);

/* __need_reclaim() (mm/page_alloc.c): gfp_mask may enter direct reclaim, as lockdep counts it. */
static inline bool __need_reclaim_pflags(gfp_t gfp_mask, unsigned int pflags)
{
    if (!(gfp_mask & __GFP_DIRECT_RECLAIM))
        return false;   /* no reclaim without waiting on it */
    if (pflags & PF_MEMALLOC)
        return false;   /* this one is reclaiming: it will not enter reclaim again */
    if (gfp_mask & __GFP_NOLOCKDEP)
        return false;
    return true;
}

/*
 * Intrinsic observers (no step of their own): the current task's flags, and one acquisition
 * of a lockdep map released at once (the dependency on it is checked, nothing stays held).
 * might_alloc() runs in every allocation; built from them it moves no run's clock, and it
 * tells lockdep exactly what fs_reclaim_acquire(); fs_reclaim_release() would.
 */
unsigned int __current_flags_observed(void);
void lock_map_acquire_release(struct lockdep_map *map, unsigned long ip);

/*
 * might_alloc()'s lockdep half: the fs_reclaim map taken and released at once when gfp_mask
 * may enter filesystem reclaim, exactly as fs_reclaim_acquire(); fs_reclaim_release().
 * kmalloc() calls it after its own might_sleep() (so the BUG of a GFP_KERNEL allocation in
 * atomic context keeps naming mm/slab.c, where the model's allocations start).
 */
static inline void __might_alloc_lockdep(gfp_t gfp_mask)
{
    unsigned int pflags = __current_flags_observed();
    gfp_t ctx_mask = __gfp_context(gfp_mask, pflags);

    if (__need_reclaim_pflags(ctx_mask, pflags) && (ctx_mask & __GFP_FS))
        lock_map_acquire_release(&__fs_reclaim_map, _RET_IP_);
}

/*
 * might_alloc(): an allocation with gfp_mask is about to be made; it may enter reclaim
 * (lockdep: the fs_reclaim map) and, when the flags allow blocking, sleep.
 */
static inline void might_alloc(gfp_t gfp_mask)
{
    __might_alloc_lockdep(gfp_mask);
    might_sleep_if(gfpflags_allow_blocking(gfp_mask));
}

/* A scope in which every allocation acts as GFP_NOFS; returns what restore needs. */
static inline unsigned int memalloc_nofs_save(void)
{
    unsigned int flags = current->flags & PF_MEMALLOC_NOFS;
    current->flags |= PF_MEMALLOC_NOFS;
    return flags;
}

static inline void memalloc_nofs_restore(unsigned int flags)
{
    current->flags = (current->flags & ~PF_MEMALLOC_NOFS) | flags;
}

/* A scope in which every allocation acts as GFP_NOIO. */
static inline unsigned int memalloc_noio_save(void)
{
    unsigned int flags = current->flags & PF_MEMALLOC_NOIO;
    current->flags |= PF_MEMALLOC_NOIO;
    return flags;
}

static inline void memalloc_noio_restore(unsigned int flags)
{
    current->flags = (current->flags & ~PF_MEMALLOC_NOIO) | flags;
}

/* Marks the current task as reclaiming (PF_MEMALLOC): its allocations do not recurse into reclaim. */
static inline unsigned int memalloc_noreclaim_save(void)
{
    unsigned int flags = current->flags & PF_MEMALLOC;
    current->flags |= PF_MEMALLOC;
    return flags;
}

static inline void memalloc_noreclaim_restore(unsigned int flags)
{
    current->flags = (current->flags & ~PF_MEMALLOC) | flags;
}

#endif
