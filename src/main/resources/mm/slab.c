/* spinlab's model of mm/slab_common.c: kmalloc over the machine's allocator; GFP_KERNEL may sleep. */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>

void *__spinlab_kmalloc(unsigned long size);
void __spinlab_kfree(const void *p);

void *kmalloc(size_t size, gfp_t flags)
{
    if (flags & __GFP_DIRECT_RECLAIM)
        might_sleep();
    __might_alloc_lockdep(flags);   /* might_alloc() (slab_pre_alloc_hook): lockdep's fs_reclaim */
    return __spinlab_kmalloc(size);
}

void *kzalloc(size_t size, gfp_t flags)
{
    return kmalloc(size, flags);    /* the machine's fresh memory is zeroed */
}

void kfree(const void *p)
{
    __spinlab_kfree(p);
}

/* The size of a live block (intrinsic over the machine's allocator; faults on a bad pointer). */
size_t __spinlab_ksize(const void *p);

size_t ksize(const void *objp)
{
    if (ZERO_OR_NULL_PTR(objp))
        return 0;
    return __spinlab_ksize(objp);
}

/*
 * krealloc(): the block itself while it is big enough, else a new block with the contents copied
 * and the old one freed; krealloc(p, 0) frees p and returns ZERO_SIZE_PTR. The model's blocks are
 * exactly the size asked for, so growing always moves. */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
    void *ret;
    size_t ks;

    if (!new_size) {
        kfree(p);
        return ZERO_SIZE_PTR;
    }
    ks = ksize(p);
    if (ks >= new_size)
        return (void *)p;
    ret = kmalloc(new_size, flags);
    if (ret && p) {
        memcpy(ret, p, ks);
        kfree(p);
    }
    return ret;
}

void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
    if (new_size != 0 && new_n > SIZE_MAX / new_size)
        return NULL;
    return krealloc(p, new_n * new_size, flags);
}

void kfree_sensitive(const void *p)
{
    if (!ZERO_OR_NULL_PTR(p))
        memset((void *)p, 0, ksize(p));
    kfree(p);
}

/* ---- slab caches: named object sizes over kmalloc, with a constructor and a live count ---- */

struct kmem_cache {
    const char *name;
    unsigned int size;
    unsigned int align;
    slab_flags_t flags;
    void (*ctor)(void *);
    int objects;        /* allocated and not yet freed */
};

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
                                              slab_flags_t flags, unsigned int useroffset,
                                              unsigned int usersize, void (*ctor)(void *))
{
    struct kmem_cache *s;

    might_sleep();
    s = kzalloc(sizeof(*s), GFP_KERNEL);
    s->name = kstrdup_const(name, GFP_KERNEL);
    s->size = size;
    s->align = align;
    s->flags = flags;
    s->ctor = ctor;
    return s;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
                                     slab_flags_t flags, void (*ctor)(void *))
{
    return kmem_cache_create_usercopy(name, size, align, flags, 0, 0, ctor);
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
    void *obj = kmalloc(s->size, flags);

    if (obj) {
        s->objects++;
        if (s->ctor)
            s->ctor(obj);
    }
    return obj;
}

void kmem_cache_free(struct kmem_cache *s, void *objp)
{
    if (!objp)
        return;
    s->objects--;
    kfree(objp);
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
    return s->size;
}

/* A cache destroyed with objects still allocated is the kernel's WARN (mm/slab_common.c). */
void kmem_cache_destroy(struct kmem_cache *s)
{
    if (!s)
        return;
    might_sleep();
    if (WARN(s->objects != 0, "kmem_cache_destroy %s: Slab cache still has objects", s->name))
        return;     /* the kernel leaks the cache rather than free it under live objects */
    kfree_const(s->name);
    kfree(s);
}
