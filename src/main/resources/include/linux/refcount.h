/*
 * spinlab's model of <linux/refcount.h> (lib/refcount.c): reference counts that saturate
 * instead of wrapping. Incrementing from 0, decrementing below 0 or to 0 with refcount_dec()
 * warns once (WARN_ONCE "refcount_t: addition on 0; use-after-free.") and saturates the count
 * at REFCOUNT_SATURATED, as CONFIG_REFCOUNT_FULL-style checking does in 6.6.
 */
#ifndef _SPINLAB_LINUX_REFCOUNT_H
#define _SPINLAB_LINUX_REFCOUNT_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/limits.h>
#include <linux/spinlock_types.h>

typedef struct refcount_struct {
    atomic_t refs;
} refcount_t;

#define REFCOUNT_INIT(n) { .refs = ATOMIC_INIT(n) }
#define REFCOUNT_MAX INT_MAX
#define REFCOUNT_SATURATED (INT_MIN / 2)

enum refcount_saturation_type {
    REFCOUNT_ADD_NOT_ZERO_OVF,
    REFCOUNT_ADD_OVF,
    REFCOUNT_ADD_UAF,
    REFCOUNT_SUB_UAF,
    REFCOUNT_DEC_LEAK
};

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t);

static inline void refcount_set(refcount_t *r, int n)
{
    atomic_set(&r->refs, n);
}

static inline unsigned int refcount_read(const refcount_t *r)
{
    return atomic_read(&r->refs);
}

static inline bool refcount_add_not_zero(int i, refcount_t *r)
{
    int old = refcount_read(r);

    for (;;) {
        int seen;

        if (!old)
            break;
        seen = atomic_cmpxchg(&r->refs, old, old + i);
        if (seen == old)
            break;
        old = seen;
    }
    if (old < 0 || old + i < 0)
        refcount_warn_saturate(r, REFCOUNT_ADD_NOT_ZERO_OVF);
    return old != 0;
}

static inline bool refcount_inc_not_zero(refcount_t *r)
{
    return refcount_add_not_zero(1, r);
}

static inline void refcount_add(int i, refcount_t *r)
{
    int old = atomic_fetch_add(i, &r->refs);

    if (!old)
        refcount_warn_saturate(r, REFCOUNT_ADD_UAF);
    else if (old < 0 || old + i < 0)
        refcount_warn_saturate(r, REFCOUNT_ADD_OVF);
}

static inline void refcount_inc(refcount_t *r)
{
    refcount_add(1, r);
}

static inline bool refcount_sub_and_test(int i, refcount_t *r)
{
    int old = atomic_fetch_sub(i, &r->refs);

    if (old == i)
        return true;
    if (old < 0 || old - i < 0)
        refcount_warn_saturate(r, REFCOUNT_SUB_UAF);
    return false;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
    return refcount_sub_and_test(1, r);
}

static inline void refcount_dec(refcount_t *r)
{
    if (atomic_fetch_sub(1, &r->refs) <= 1)
        refcount_warn_saturate(r, REFCOUNT_DEC_LEAK);
}

bool refcount_dec_if_one(refcount_t *r);
bool refcount_dec_not_one(refcount_t *r);
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock);

#endif
