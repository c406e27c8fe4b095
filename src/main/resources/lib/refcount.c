/* spinlab's model of lib/refcount.c: the saturation warnings and the dec_and_lock helpers. */
#include <linux/kernel.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
    refcount_set(r, REFCOUNT_SATURATED);
    switch (t) {
    case REFCOUNT_ADD_NOT_ZERO_OVF:
        WARN_ONCE(1, "refcount_t: saturated; leaking memory.\n");
        break;
    case REFCOUNT_ADD_OVF:
        WARN_ONCE(1, "refcount_t: saturated; leaking memory.\n");
        break;
    case REFCOUNT_ADD_UAF:
        WARN_ONCE(1, "refcount_t: addition on 0; use-after-free.\n");
        break;
    case REFCOUNT_SUB_UAF:
        WARN_ONCE(1, "refcount_t: underflow; use-after-free.\n");
        break;
    case REFCOUNT_DEC_LEAK:
        WARN_ONCE(1, "refcount_t: decrement hit 0; leaking memory.\n");
        break;
    default:
        WARN_ONCE(1, "refcount_t: unknown saturation event!?\n");
    }
}

bool refcount_dec_if_one(refcount_t *r)
{
    return atomic_cmpxchg(&r->refs, 1, 0) == 1;
}

bool refcount_dec_not_one(refcount_t *r)
{
    unsigned int val = atomic_read(&r->refs);

    for (;;) {
        unsigned int seen;

        if (val == REFCOUNT_SATURATED)
            return true;
        if (val == 1)
            return false;
        if (val == 0) {
            WARN_ONCE(1, "refcount_t: underflow; use-after-free.\n");
            return true;
        }
        seen = atomic_cmpxchg(&r->refs, val, val - 1);
        if (seen == val)
            return true;
        val = seen;
    }
}

/* takes the lock only for the last reference, and returns holding it then */
bool refcount_dec_and_lock(refcount_t *r, spinlock_t *lock)
{
    if (refcount_dec_not_one(r))
        return false;
    spin_lock(lock);
    if (!refcount_dec_and_test(r)) {
        spin_unlock(lock);
        return false;
    }
    return true;
}
