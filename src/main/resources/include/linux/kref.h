/*
 * spinlab's model of <linux/kref.h>: a reference count with a release function, over
 * refcount_t. kref_put() calls release when the last reference goes and returns 1.
 */
#ifndef _SPINLAB_LINUX_KREF_H
#define _SPINLAB_LINUX_KREF_H

#include <linux/refcount.h>
#include <linux/spinlock.h>

struct kref {
    refcount_t refcount;
};

#define KREF_INIT(n) { .refcount = REFCOUNT_INIT(n) }

static inline void kref_init(struct kref *kref)
{
    refcount_set(&kref->refcount, 1);
}

static inline unsigned int kref_read(const struct kref *kref)
{
    return refcount_read(&kref->refcount);
}

static inline void kref_get(struct kref *kref)
{
    refcount_inc(&kref->refcount);
}

static inline int kref_put(struct kref *kref, void (*release)(struct kref *kref))
{
    if (refcount_dec_and_test(&kref->refcount)) {
        release(kref);
        return 1;
    }
    return 0;
}

static inline int kref_put_lock(struct kref *kref, void (*release)(struct kref *kref), spinlock_t *lock)
{
    if (refcount_dec_and_lock(&kref->refcount, lock)) {
        release(kref);
        return 1;
    }
    return 0;
}

static inline int kref_get_unless_zero(struct kref *kref)
{
    return refcount_inc_not_zero(&kref->refcount);
}

#endif
