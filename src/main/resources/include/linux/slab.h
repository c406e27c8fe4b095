/*
 * spinlab's model of <linux/slab.h> (implementation in mm/slab.c, standing for
 * mm/slab_common.c): the kernel heap and slab caches over the machine's allocator, which
 * catches use after free, double free and invalid frees.
 */
#ifndef _SPINLAB_LINUX_SLAB_H
#define _SPINLAB_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>

/* kmalloc(0) returns this distinct non-NULL pointer, which kfree() accepts */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define KMALLOC_MAX_SIZE (1UL << 22)

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags);
void kfree(const void *p);
void kfree_sensitive(const void *p);
size_t ksize(const void *objp);

static inline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return kmalloc(n * size, flags);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
    return kmalloc_array(n, size, flags | __GFP_ZERO);
}

#define kmalloc_node(size, flags, node) kmalloc((size), (flags))
#define kzalloc_node(size, flags, node) kzalloc((size), (flags))

/* kvmalloc: kmalloc, or vmalloc when that fails (mm/util.c) */
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void *kvcalloc(size_t n, size_t size, gfp_t flags);
void *kvmalloc_array(size_t n, size_t size, gfp_t flags);
void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags);
void kvfree(const void *addr);
void kvfree_sensitive(const void *addr, size_t len);

/* ---- slab caches ---- */
#define SLAB_HWCACHE_ALIGN 0x00002000U
#define SLAB_CACHE_DMA 0x00004000U
#define SLAB_PANIC 0x00040000U
#define SLAB_TYPESAFE_BY_RCU 0x00080000U
#define SLAB_ACCOUNT 0x04000000U
#define SLAB_RECLAIM_ACCOUNT 0x00020000U
#define SLAB_POISON 0x00000800U
#define SLAB_RED_ZONE 0x00000400U

struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
                                     slab_flags_t flags, void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
                                              slab_flags_t flags, unsigned int useroffset,
                                              unsigned int usersize, void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *k, gfp_t flags)
{
    return kmem_cache_alloc(k, flags | __GFP_ZERO);
}

#define KMEM_CACHE(__struct, __flags) \
    kmem_cache_create(#__struct, sizeof(struct __struct), __alignof__(struct __struct), (__flags), NULL)

/* struct foo *p __free(kfree) = kmalloc(...): freed when p goes out of scope (6.6's slab.h) */
#include <linux/cleanup.h>
DEFINE_FREE(kfree, void *, if (_T) kfree(_T))

#endif
