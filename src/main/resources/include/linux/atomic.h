/*
 * spinlab's model of <linux/atomic.h> over arch/arm/include/asm/atomic.h: atomic_t operations
 * written as ARM does them, an ldrex/strex retry loop per read-modify-write (a competing store
 * to the word breaks this CPU's reservation and the strex fails), with smp_mb() around the
 * value-returning ones, which are fully ordered in the kernel. atomic_long_t/atomic64_t use the
 * machine's 64-bit read-modify-write steps (ldrexd/strexd on ARMv7).
 */
#ifndef _SPINLAB_LINUX_ATOMIC_H
#define _SPINLAB_LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>
#include <asm/processor.h>

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }
#define ATOMIC_LONG_INIT(i) { (i) }

typedef atomic64_t atomic_long_t;

static inline int atomic_read(const atomic_t *v)
{
    return READ_ONCE(v->counter);
}

static inline void atomic_set(atomic_t *v, int i)
{
    WRITE_ONCE(v->counter, i);
}

/* atomic_add() and friends: no ordering, no result. */
static inline void atomic_add(int i, atomic_t *v)
{
    int result;
    do {
        result = (int)__ldrex(&v->counter) + i;
    } while (__strex(result, &v->counter));
}

static inline void atomic_sub(int i, atomic_t *v)
{
    int result;
    do {
        result = (int)__ldrex(&v->counter) - i;
    } while (__strex(result, &v->counter));
}

static inline int atomic_add_return(int i, atomic_t *v)
{
    int result;
    smp_mb();
    do {
        result = (int)__ldrex(&v->counter) + i;
    } while (__strex(result, &v->counter));
    smp_mb();
    return result;
}

static inline int atomic_sub_return(int i, atomic_t *v)
{
    return atomic_add_return(-i, v);
}

static inline int atomic_fetch_add(int i, atomic_t *v)
{
    int old;
    smp_mb();
    do {
        old = (int)__ldrex(&v->counter);
    } while (__strex(old + i, &v->counter));
    smp_mb();
    return old;
}

static inline int atomic_fetch_sub(int i, atomic_t *v)
{
    return atomic_fetch_add(-i, v);
}

static inline int atomic_xchg(atomic_t *v, int new_value)
{
    int old;
    smp_mb();
    do {
        old = (int)__ldrex(&v->counter);
    } while (__strex(new_value, &v->counter));
    smp_mb();
    return old;
}

/* Returns the old value; stores new_value only if the old value was old. */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new_value)
{
    int oldval;
    smp_mb();
    do {
        oldval = (int)__ldrex(&v->counter);
        if (oldval != old) {
            __clrex();
            break;
        }
    } while (__strex(new_value, &v->counter));
    smp_mb();
    return oldval;
}

static inline void atomic_inc(atomic_t *v) { atomic_add(1, v); }
static inline void atomic_dec(atomic_t *v) { atomic_sub(1, v); }
static inline int atomic_inc_return(atomic_t *v) { return atomic_add_return(1, v); }
static inline int atomic_dec_return(atomic_t *v) { return atomic_sub_return(1, v); }
static inline int atomic_dec_and_test(atomic_t *v) { return atomic_sub_return(1, v) == 0; }
static inline int atomic_inc_and_test(atomic_t *v) { return atomic_add_return(1, v) == 0; }
static inline int atomic_sub_and_test(int i, atomic_t *v) { return atomic_sub_return(i, v) == 0; }
static inline int atomic_add_negative(int i, atomic_t *v) { return atomic_add_return(i, v) < 0; }

/*
 * The conditional read-modify-writes over compare-and-exchange, written once for both widths,
 * as the kernel generates its fallbacks for atomic_t and atomic64_t from one template
 * (scripts/atomic/, include/linux/atomic/atomic-arch-fallback.h):
 *   PFX_fetch_add_unless(v, a, u): adds a unless v was u; returns the old value;
 *   PFX_add_unless, PFX_inc_not_zero: whether it added;
 *   PFX_dec_if_positive(v): decrements only if the result is not negative; returns the
 *   result either way.
 */
#define __SPINLAB_ATOMIC_CONDITIONAL(pfx, T, atomic_type)                     \
static inline T pfx##_fetch_add_unless(atomic_type *v, T a, T u)            \
{                                                                           \
    T c = pfx##_read(v);                                                    \
    while (c != u) {                                                        \
        T old = pfx##_cmpxchg(v, c, c + a);                                 \
        if (old == c)                                                       \
            break;                                                          \
        c = old;                                                            \
    }                                                                       \
    return c;                                                               \
}                                                                           \
static inline int pfx##_add_unless(atomic_type *v, T a, T u)                \
{                                                                           \
    return pfx##_fetch_add_unless(v, a, u) != u;                            \
}                                                                           \
static inline int pfx##_inc_not_zero(atomic_type *v) { return pfx##_add_unless(v, 1, 0); } \
static inline T pfx##_dec_if_positive(atomic_type *v)                       \
{                                                                           \
    T c = pfx##_read(v);                                                    \
    T dec;                                                                  \
    for (;;) {                                                              \
        T old;                                                              \
        dec = c - 1;                                                        \
        if (dec < 0)                                                        \
            break;                                                          \
        old = pfx##_cmpxchg(v, c, dec);                                     \
        if (old == c)                                                       \
            break;                                                          \
        c = old;                                                            \
    }                                                                       \
    return dec;                                                             \
}
__SPINLAB_ATOMIC_CONDITIONAL(atomic, int, atomic_t)

/* the conditional forms (include/linux/atomic/atomic-arch-fallback.h): false when v was on the wrong side */
static inline int atomic_inc_unless_negative(atomic_t *v)
{
    int c = atomic_read(v);
    while (c >= 0) {
        int old = atomic_cmpxchg(v, c, c + 1);
        if (old == c)
            return 1;
        c = old;
    }
    return 0;
}

static inline int atomic_dec_unless_positive(atomic_t *v)
{
    int c = atomic_read(v);
    while (c <= 0) {
        int old = atomic_cmpxchg(v, c, c - 1);
        if (old == c)
            return 1;
        c = old;
    }
    return 0;
}

/*
 * The bitwise read-modify-writes: one exclusive pair each, as ARM's atomic_fetch_or and
 * friends are (arch/arm/include/asm/atomic.h, ATOMIC_FETCH_OP), with a full barrier each side
 * for the fully ordered fetch forms. A macro writes the four, one ldrex/strex loop each.
 */
#define __SPINLAB_ATOMIC_BITOP(name, expr)                                   \
static inline int atomic_fetch_##name(int i, atomic_t *v)                  \
{                                                                          \
    int old;                                                               \
    smp_mb();                                                              \
    do {                                                                   \
        old = (int)__ldrex(&v->counter);                                   \
    } while (__strex(expr, &v->counter));                                  \
    smp_mb();                                                              \
    return old;                                                            \
}                                                                          \
static inline void atomic_##name(int i, atomic_t *v) { atomic_fetch_##name(i, v); }
__SPINLAB_ATOMIC_BITOP(or, old | i)
__SPINLAB_ATOMIC_BITOP(and, old & i)
__SPINLAB_ATOMIC_BITOP(andnot, old & ~i)
__SPINLAB_ATOMIC_BITOP(xor, old ^ i)

/* acquire and release forms: the model's memory is sequentially consistent, so the plain ones */
#define atomic_read_acquire(v) atomic_read(v)
#define atomic_set_release(v, i) atomic_set((v), (i))
#define atomic_add_return_relaxed(i, v) atomic_add_return((i), (v))
#define atomic_add_return_acquire(i, v) atomic_add_return((i), (v))
#define atomic_add_return_release(i, v) atomic_add_return((i), (v))
#define atomic_fetch_add_relaxed(i, v) atomic_fetch_add((i), (v))
#define atomic_fetch_add_release(i, v) atomic_fetch_add((i), (v))
#define atomic_fetch_add_acquire(i, v) atomic_fetch_add((i), (v))
#define atomic_cmpxchg_relaxed(v, o, n) atomic_cmpxchg((v), (o), (n))
#define atomic_cmpxchg_acquire(v, o, n) atomic_cmpxchg((v), (o), (n))
#define atomic_cmpxchg_release(v, o, n) atomic_cmpxchg((v), (o), (n))
#define atomic_xchg_relaxed(v, n) atomic_xchg((v), (n))
#define atomic_xchg_acquire(v, n) atomic_xchg((v), (n))
#define atomic_xchg_release(v, n) atomic_xchg((v), (n))
/* spin until cond (VAL names the value read) holds, then the value: smp_cond_load_acquire on v's counter */
#define atomic_cond_read_acquire(v, c) ({ int VAL; for (;;) { VAL = atomic_read(v); if (c) break; cpu_relax(); } VAL; })
#define atomic_cond_read_relaxed(v, c) atomic_cond_read_acquire((v), c)

/* ---- 64-bit: atomic64_t and atomic_long_t (long is 64 bits in the model) ---- */

static inline long atomic64_read(const atomic64_t *v) { return READ_ONCE(v->counter); }
static inline void atomic64_set(atomic64_t *v, long i) { WRITE_ONCE(v->counter, i); }
static inline long atomic64_fetch_add(long i, atomic64_t *v) { return (long)__spinlab_fetch_add64(&v->counter, i); }
static inline long atomic64_add_return(long i, atomic64_t *v) { return atomic64_fetch_add(i, v) + i; }
static inline void atomic64_add(long i, atomic64_t *v) { atomic64_fetch_add(i, v); }
static inline void atomic64_sub(long i, atomic64_t *v) { atomic64_fetch_add(-i, v); }
static inline void atomic64_inc(atomic64_t *v) { atomic64_fetch_add(1, v); }
static inline void atomic64_dec(atomic64_t *v) { atomic64_fetch_add(-1, v); }
static inline long atomic64_inc_return(atomic64_t *v) { return atomic64_add_return(1, v); }
static inline long atomic64_dec_return(atomic64_t *v) { return atomic64_add_return(-1, v); }
static inline long atomic64_xchg(atomic64_t *v, long n) { return (long)__spinlab_xchg64(&v->counter, n); }
static inline long atomic64_cmpxchg(atomic64_t *v, long o, long n) { return (long)__spinlab_cmpxchg64(&v->counter, o, n); }

/* atomic_try_cmpxchg(): on failure *old is updated to the value found. */
static inline int atomic64_try_cmpxchg(atomic64_t *v, long *old, long n)
{
    long r = atomic64_cmpxchg(v, *old, n);
    if (r == *old)
        return 1;
    *old = r;
    return 0;
}

static inline long atomic64_sub_return(long i, atomic64_t *v) { return atomic64_add_return(-i, v); }
static inline long atomic64_fetch_sub(long i, atomic64_t *v) { return atomic64_fetch_add(-i, v); }
static inline int atomic64_dec_and_test(atomic64_t *v) { return atomic64_dec_return(v) == 0; }
static inline int atomic64_inc_and_test(atomic64_t *v) { return atomic64_inc_return(v) == 0; }
static inline int atomic64_sub_and_test(long i, atomic64_t *v) { return atomic64_sub_return(i, v) == 0; }
static inline int atomic64_add_negative(long i, atomic64_t *v) { return atomic64_add_return(i, v) < 0; }

__SPINLAB_ATOMIC_CONDITIONAL(atomic64, long, atomic64_t)

/* the bitwise forms over compare-and-exchange (the model's 64-bit atomics are cmpxchg-based) */
#define __SPINLAB_ATOMIC64_BITOP(name, expr)                                 \
static inline long atomic64_fetch_##name(long i, atomic64_t *v)            \
{                                                                          \
    long old = atomic64_read(v);                                           \
    for (;;) {                                                             \
        long seen = atomic64_cmpxchg(v, old, expr);                        \
        if (seen == old)                                                   \
            return old;                                                    \
        old = seen;                                                        \
    }                                                                      \
}                                                                          \
static inline void atomic64_##name(long i, atomic64_t *v) { atomic64_fetch_##name(i, v); }
__SPINLAB_ATOMIC64_BITOP(or, old | i)
__SPINLAB_ATOMIC64_BITOP(and, old & i)
__SPINLAB_ATOMIC64_BITOP(andnot, old & ~i)
__SPINLAB_ATOMIC64_BITOP(xor, old ^ i)

#define atomic_long_read(v) atomic64_read(v)
#define atomic_long_set(v, i) atomic64_set((v), (i))
#define atomic_long_add(i, v) atomic64_add((i), (v))
#define atomic_long_sub(i, v) atomic64_sub((i), (v))
#define atomic_long_inc(v) atomic64_inc(v)
#define atomic_long_dec(v) atomic64_dec(v)
#define atomic_long_add_return(i, v) atomic64_add_return((i), (v))
#define atomic_long_inc_return(v) atomic64_inc_return(v)
#define atomic_long_dec_return(v) atomic64_dec_return(v)
#define atomic_long_xchg(v, n) atomic64_xchg((v), (n))
#define atomic_long_cmpxchg(v, o, n) atomic64_cmpxchg((v), (o), (n))
#define atomic_long_try_cmpxchg(v, o, n) atomic64_try_cmpxchg((v), (o), (n))
#define atomic_long_fetch_add(i, v) atomic64_fetch_add((i), (v))

#define atomic_long_sub_return(i, v) atomic64_sub_return((i), (v))
#define atomic_long_fetch_sub(i, v) atomic64_fetch_sub((i), (v))
#define atomic_long_dec_and_test(v) atomic64_dec_and_test(v)
#define atomic_long_inc_and_test(v) atomic64_inc_and_test(v)
#define atomic_long_sub_and_test(i, v) atomic64_sub_and_test((i), (v))
#define atomic_long_add_negative(i, v) atomic64_add_negative((i), (v))
#define atomic_long_add_unless(v, a, u) atomic64_add_unless((v), (a), (u))
#define atomic_long_fetch_add_unless(v, a, u) atomic64_fetch_add_unless((v), (a), (u))
#define atomic_long_inc_not_zero(v) atomic64_inc_not_zero(v)
#define atomic_long_dec_if_positive(v) atomic64_dec_if_positive(v)
#define atomic_long_or(i, v) atomic64_or((i), (v))
#define atomic_long_and(i, v) atomic64_and((i), (v))
#define atomic_long_andnot(i, v) atomic64_andnot((i), (v))
#define atomic_long_xor(i, v) atomic64_xor((i), (v))
#define atomic_long_fetch_or(i, v) atomic64_fetch_or((i), (v))
#define atomic_long_fetch_and(i, v) atomic64_fetch_and((i), (v))
#define atomic_long_fetch_andnot(i, v) atomic64_fetch_andnot((i), (v))
#define atomic_long_read_acquire(v) atomic64_read(v)
#define atomic_long_set_release(v, i) atomic64_set((v), (i))

#endif
