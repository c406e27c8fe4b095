/*
 * spinlab's model of <linux/ww_mutex.h> (implementation in kernel/locking/mutex.c with the
 * helpers of kernel/locking/ww_mutex.h): wound/wait mutexes, sleeping locks that a task takes
 * several of at once in any order, inside an acquire context, with deadlock avoidance.
 *
 * Every context gets a stamp from its class (ww_acquire_init()); a smaller stamp is older.
 * When two contexts want each other's locks, the younger one backs off: ww_mutex_lock()
 * returns -EDEADLK and the caller must unlock everything it holds under the context, take
 * the contended lock with ww_mutex_lock_slow() and start over. A wait-die class
 * (DEFINE_WD_CLASS) makes the younger context die when it would wait for an older one; a
 * wound-wait class (DEFINE_WW_CLASS) lets an older waiter wound the younger holder, which
 * backs off at its next contended lock. -EALREADY: the context already holds this lock.
 *
 * As in the kernel with CONFIG_DEBUG_MUTEXES (DEBUG_WW_MUTEXES) and CONFIG_DEBUG_LOCK_ALLOC:
 * the context remembers its class, whether ww_acquire_done() was called and the lock that
 * made it back off (contending_lock), and DEBUG_LOCKS_WARN_ON()s misuse; for lockdep the
 * context is a lock of its own (class "<class>_acquire", held from ww_acquire_init() to
 * ww_acquire_fini()) and every ww_mutex taken with it is acquired with the context as its
 * nest_lock, so several ww_mutexes of one class ("<class>_mutex") may be held at once but
 * not without a context. CONFIG_DEBUG_WW_MUTEX_SLOWPATH (selected by PROVE_LOCKING) injects
 * a spurious -EDEADLK now and then so that the back-off path runs (ww_mutex_lock()).
 * Not modelled: PREEMPT_RT's rt_mutex-based ww_mutex (WW_RT), optimistic spinning.
 */
#ifndef _SPINLAB_LINUX_WW_MUTEX_H
#define _SPINLAB_LINUX_WW_MUTEX_H

#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/lockdep.h>
#include <linux/debug_locks.h>

/*
 * The model kernel is built as with CONFIG_DEBUG_MUTEXES, CONFIG_DEBUG_LOCK_ALLOC and
 * CONFIG_DEBUG_WW_MUTEX_SLOWPATH whatever the run's options (lockdep itself is switched at
 * run time): the kernel's sources and the modules must agree on these structures' layout.
 */
#define DEBUG_WW_MUTEXES

#define WW_MUTEX_BASE mutex
#define ww_mutex_base_init(l, n, k) __mutex_init(l, n, k)
#define ww_mutex_base_is_locked(b) mutex_is_locked((b))

struct ww_class {
    atomic_long_t stamp;
    struct lock_class_key acquire_key;
    struct lock_class_key mutex_key;
    const char *acquire_name;
    const char *mutex_name;
    unsigned int is_wait_die;
};

struct ww_mutex {
    struct WW_MUTEX_BASE base;
    struct ww_acquire_ctx *ctx;
#ifdef DEBUG_WW_MUTEXES
    struct ww_class *ww_class;
#endif
};

struct ww_acquire_ctx {
    struct task_struct *task;
    unsigned long stamp;
    unsigned int acquired;
    unsigned short wounded;
    unsigned short is_wait_die;
#ifdef DEBUG_WW_MUTEXES
    unsigned int done_acquire;
    struct ww_class *ww_class;
    void *contending_lock;
#endif
    struct lockdep_map dep_map;
    unsigned int deadlock_inject_interval;
    unsigned int deadlock_inject_countdown;
};

#define __WW_CLASS_INITIALIZER(ww_class, _is_wait_die) \
    { .stamp = ATOMIC_LONG_INIT(0), .acquire_name = #ww_class "_acquire", \
      .mutex_name = #ww_class "_mutex", .is_wait_die = _is_wait_die }

/* wait-die: the younger context dies (-EDEADLK) rather than wait for an older one */
#define DEFINE_WD_CLASS(classname) struct ww_class classname = __WW_CLASS_INITIALIZER(classname, 1)
/* wound-wait: an older context waiting wounds the younger holder, which backs off */
#define DEFINE_WW_CLASS(classname) struct ww_class classname = __WW_CLASS_INITIALIZER(classname, 0)

/* Every ww_mutex of a class is one lockdep class: the class's mutex_key. */
static inline void ww_mutex_init(struct ww_mutex *lock, struct ww_class *ww_class)
{
    ww_mutex_base_init(&lock->base, ww_class->mutex_name, &ww_class->mutex_key);
    lock->ctx = NULL;
#ifdef DEBUG_WW_MUTEXES
    lock->ww_class = ww_class;
#endif
}

/*
 * Starts an acquire phase: a new stamp from the class, and (lockdep) the context taken as a
 * lock of the class's acquire_key, so two contexts of one class in one task are recursive
 * locking. Must end with ww_acquire_fini() in the same task.
 */
static inline void ww_acquire_init(struct ww_acquire_ctx *ctx, struct ww_class *ww_class)
{
    ctx->task = current;
    ctx->stamp = atomic_long_inc_return(&ww_class->stamp);
    ctx->acquired = 0;
    ctx->wounded = false;
    ctx->is_wait_die = ww_class->is_wait_die;
#ifdef DEBUG_WW_MUTEXES
    ctx->ww_class = ww_class;
    ctx->done_acquire = 0;
    ctx->contending_lock = NULL;
#endif
    debug_check_no_locks_freed((void *)ctx, sizeof(*ctx));
    lockdep_init_map(&ctx->dep_map, ww_class->acquire_name, &ww_class->acquire_key, 0);
    mutex_acquire(&ctx->dep_map, 0, 0, _RET_IP_);
    ctx->deadlock_inject_interval = 1;
    ctx->deadlock_inject_countdown = ctx->stamp & 0xf;
}

/* The end of the acquire phase: no ww_mutex_lock() with this context after it. */
static inline void ww_acquire_done(struct ww_acquire_ctx *ctx)
{
#ifdef DEBUG_WW_MUTEXES
    lockdep_assert_held(ctx);
    DEBUG_LOCKS_WARN_ON(ctx->done_acquire);
    ctx->done_acquire = 1;
#endif
}

/*
 * Releases the context once every ww_mutex taken with it is unlocked. (The kernel passes
 * _THIS_IP_ from this inline function, which is its caller's code; the model's functions are
 * real calls, so the caller's site is _RET_IP_.)
 */
static inline void ww_acquire_fini(struct ww_acquire_ctx *ctx)
{
    mutex_release(&ctx->dep_map, _RET_IP_);
#ifdef DEBUG_WW_MUTEXES
    /* (without PROVE_LOCKING the kernel poisons done_acquire and acquired here so that a second
     * fini still fails; the model always has lockdep's bookkeeping, which catches it) */
    DEBUG_LOCKS_WARN_ON(ctx->acquired);
#endif
}

/* 0, -EDEADLK (back off: unlock all, then ww_mutex_lock_slow()), -EALREADY; ctx may be NULL. */
int ww_mutex_lock(struct ww_mutex *lock, struct ww_acquire_ctx *ctx);
/* as ww_mutex_lock(), or -EINTR when a signal arrives while waiting */
int ww_mutex_lock_interruptible(struct ww_mutex *lock, struct ww_acquire_ctx *ctx);

/*
 * After -EDEADLK, with every other lock of the context released: sleep until the contended
 * lock is free and take it. Only for the lock that made the context back off.
 */
static inline void ww_mutex_lock_slow(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
{
    int ret;
#ifdef DEBUG_WW_MUTEXES
    DEBUG_LOCKS_WARN_ON(!ctx->contending_lock);
#endif
    ret = ww_mutex_lock(lock, ctx);
    (void)ret;
}

static inline int ww_mutex_lock_slow_interruptible(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
{
#ifdef DEBUG_WW_MUTEXES
    DEBUG_LOCKS_WARN_ON(!ctx->contending_lock);
#endif
    return ww_mutex_lock_interruptible(lock, ctx);
}

void ww_mutex_unlock(struct ww_mutex *lock);
/* 1 when taken; with a context, the lock counts as acquired under it */
int ww_mutex_trylock(struct ww_mutex *lock, struct ww_acquire_ctx *ctx);

static inline void ww_mutex_destroy(struct ww_mutex *lock)
{
    mutex_destroy(&lock->base);
}

static inline bool ww_mutex_is_locked(struct ww_mutex *lock)
{
    return ww_mutex_base_is_locked(&lock->base);
}

#endif
