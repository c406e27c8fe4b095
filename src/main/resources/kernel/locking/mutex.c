/*
 * spinlab's model of kernel/locking/mutex.c with kernel/locking/mutex-debug.c
 * (CONFIG_DEBUG_MUTEXES): a sleeping lock. mutex_lock() may sleep, so it starts with
 * might_sleep(). The owner word holds the owning task and, in its low bits, the kernel's
 * flags: WAITERS (unlock must wake someone), HANDOFF (the first waiter asks to be handed the
 * lock) and PICKUP (the lock was handed to the first waiter, who takes it). The lock is taken
 * with a compare-and-exchange of the owner word (__mutex_trylock_common()). A contender
 * queues a mutex_waiter on wait_list under wait_lock, sets its state, tries again and sleeps
 * (__mutex_lock_common()); mutex_unlock() releases the owner word and wakes the first waiter,
 * or hands the lock straight to it if it asked (__mutex_handoff()), so a waiter is not
 * starved by a task that keeps re-taking the lock. As with debug mutexes there is no fast
 * path: unlock always checks that the unlocking task owns the mutex.
 * Lockdep: mutex_lock*() tell lockdep (mutex_acquire) after might_sleep() and before the
 * attempt, mutex_trylock() once it succeeded, mutex_unlock() (mutex_release) before it
 * releases; a failed interruptible or killable lock releases again. The class is the
 * mutex_init() call site's key (or the static mutex), as for spinlocks.
 * Simplified: no optimistic spinning.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/debug_locks.h>
#include <linux/lockdep.h>
#include <linux/ww_mutex.h>

/* ww_ctx: the waiter's acquire context (ww_mutex_lock() with one), else NULL */
struct mutex_waiter {
    struct list_head list;
    struct task_struct *task;
    struct ww_acquire_ctx *ww_ctx;
    struct mutex *magic;
};

extern int oops_in_progress;

#define MUTEX_FLAG_WAITERS 0x01
#define MUTEX_FLAG_HANDOFF 0x02
#define MUTEX_FLAG_PICKUP 0x04
#define MUTEX_FLAGS 0x07

static inline struct task_struct *__owner_task(unsigned long owner)
{
    return (struct task_struct *)(owner & ~MUTEX_FLAGS);
}

static inline unsigned long __owner_flags(unsigned long owner)
{
    return owner & MUTEX_FLAGS;
}

void __mutex_init(struct mutex *lock, const char *name, struct lock_class_key *key)
{
    /* debug_mutex_init(): not a held mutex initialised again */
    debug_check_no_locks_freed((void *)lock, sizeof(*lock));
    lockdep_init_map_wait(&lock->dep_map, name, key, 0, LD_WAIT_SLEEP);
    atomic_long_set(&lock->owner, 0);
    raw_spin_lock_init(&lock->wait_lock);
    INIT_LIST_HEAD(&lock->wait_list);
    lock->magic = lock;
}

void mutex_destroy(struct mutex *lock)
{
    DEBUG_LOCKS_WARN_ON(mutex_is_locked(lock));
    lock->magic = NULL;
}

bool mutex_is_locked(struct mutex *lock)
{
    return __owner_task(atomic_long_read(&lock->owner)) != NULL;
}

/*
 * Takes the lock if it is free, or picks it up if it was handed to us; with handoff, a
 * first waiter that fails asks the owner to hand the lock over. Returns NULL when acquired,
 * else the owner.
 */
static struct task_struct *__mutex_trylock_common(struct mutex *lock, bool handoff)
{
    long owner, curr = (long)current;

    owner = atomic_long_read(&lock->owner);
    for (;;) {
        long flags = __owner_flags(owner);
        long task = owner & ~MUTEX_FLAGS;

        if (task) {
            if (flags & MUTEX_FLAG_PICKUP) {
                if (task != curr)
                    break;
                flags &= ~MUTEX_FLAG_PICKUP;
            } else if (handoff) {
                if (flags & MUTEX_FLAG_HANDOFF)
                    break;
                flags |= MUTEX_FLAG_HANDOFF;
            } else {
                break;
            }
        } else {
            DEBUG_LOCKS_WARN_ON(flags & (MUTEX_FLAG_HANDOFF | MUTEX_FLAG_PICKUP));
            task = curr;
        }
        if (atomic_long_try_cmpxchg(&lock->owner, &owner, task | flags)) {
            if (task == curr)
                return NULL;
            break;
        }
    }
    return __owner_task(owner);
}

static bool __mutex_trylock(struct mutex *lock)
{
    return !__mutex_trylock_common(lock, false);
}

static bool __mutex_trylock_or_handoff(struct mutex *lock, bool handoff)
{
    return !__mutex_trylock_common(lock, handoff);
}

static void __mutex_set_flag(struct mutex *lock, unsigned long flag)
{
    long old = atomic_long_read(&lock->owner);
    while (!atomic_long_try_cmpxchg(&lock->owner, &old, old | flag))
        ;
}

static void __mutex_clear_flag(struct mutex *lock, unsigned long flag)
{
    long old = atomic_long_read(&lock->owner);
    while (!atomic_long_try_cmpxchg(&lock->owner, &old, old & ~flag))
        ;
}

static bool __mutex_waiter_is_first(struct mutex *lock, struct mutex_waiter *waiter)
{
    return list_first_entry(&lock->wait_list, struct mutex_waiter, list) == waiter;
}

/* Gives the lock to task (the first waiter), which picks it up; keeps WAITERS. */
static void __mutex_handoff(struct mutex *lock, struct task_struct *task)
{
    long owner = atomic_long_read(&lock->owner);
    for (;;) {
        long new_owner;
        DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current);
        DEBUG_LOCKS_WARN_ON(owner & MUTEX_FLAG_PICKUP);
        new_owner = (owner & MUTEX_FLAG_WAITERS);
        new_owner |= (long)task;
        if (task)
            new_owner |= MUTEX_FLAG_PICKUP;
        if (atomic_long_try_cmpxchg(&lock->owner, &owner, new_owner))
            break;
    }
}

/* Called with wait_lock held: queue waiter before list (the tail for &lock->wait_list). */
static void __mutex_add_waiter(struct mutex *lock, struct mutex_waiter *waiter, struct list_head *list)
{
    waiter->magic = lock;
    list_add_tail(&waiter->list, list);
    if (__mutex_waiter_is_first(lock, waiter))
        __mutex_set_flag(lock, MUTEX_FLAG_WAITERS);
}

static void __mutex_remove_waiter(struct mutex *lock, struct mutex_waiter *waiter)
{
    DEBUG_LOCKS_WARN_ON(list_empty(&waiter->list));
    list_del_init(&waiter->list);
    if (list_empty(&lock->wait_list))
        __mutex_clear_flag(lock, MUTEX_FLAGS);
    waiter->magic = NULL;
}

#include "ww_mutex.h"

/*
 * use_ww_ctx: called for a ww_mutex (ww_mutex_lock*()), ww_ctx its context or NULL; the
 * ww_mutex paths then take part: -EALREADY and the lockdep nest_lock are the callers'
 * (before lockdep's acquire, as in the kernel), the set context, the waiters' stamp order
 * and wound/die decisions are here. Returns 0, -EINTR or -EDEADLK.
 */
static int __mutex_lock_common(struct mutex *lock, unsigned int state, struct ww_acquire_ctx *ww_ctx,
                               const bool use_ww_ctx)
{
    struct mutex_waiter waiter;
    struct ww_mutex *ww = container_of(lock, struct ww_mutex, base);
    int ret = 0;

    if (!use_ww_ctx)
        ww_ctx = NULL;
    DEBUG_LOCKS_WARN_ON(lock->magic != lock);
    preempt_disable();
    if (__mutex_trylock(lock)) {
        if (ww_ctx)
            ww_mutex_set_context_fastpath(ww, ww_ctx);
        preempt_enable();
        return 0;
    }
    raw_spin_lock(&lock->wait_lock);
    if (__mutex_trylock(lock)) {
        if (ww_ctx)
            __ww_mutex_check_waiters(lock, ww_ctx);
        goto skip_wait;
    }

    waiter.task = current;
    waiter.ww_ctx = ww_ctx;
    INIT_LIST_HEAD(&waiter.list);
    if (!use_ww_ctx) {
        __mutex_add_waiter(lock, &waiter, &lock->wait_list);
    } else {
        /* in stamp order, waking the waiters that must die */
        ret = __ww_mutex_add_waiter(&waiter, lock, ww_ctx);
        if (ret)
            goto err_early_kill;
    }
    set_current_state(state);
    for (;;) {
        bool first;
        /* the owner may have unlocked since we queued: we see it now, or its wake-up finds us */
        if (__mutex_trylock(lock))
            goto acquired;
        if (signal_pending_state(state, current)) {
            ret = -EINTR;
            goto err;
        }
        if (ww_ctx) {
            ret = __ww_mutex_check_kill(lock, &waiter, ww_ctx);
            if (ret)
                goto err;
        }
        raw_spin_unlock(&lock->wait_lock);
        schedule_preempt_disabled();
        first = __mutex_waiter_is_first(lock, &waiter);
        set_current_state(state);
        if (__mutex_trylock_or_handoff(lock, first))
            break;
        raw_spin_lock(&lock->wait_lock);
    }
    raw_spin_lock(&lock->wait_lock);
acquired:
    __set_current_state(TASK_RUNNING);
    /* wound-wait: we took the lock ahead of earlier waiters, one of which may wound us */
    if (ww_ctx && !ww_ctx->is_wait_die && !__mutex_waiter_is_first(lock, &waiter))
        __ww_mutex_check_waiters(lock, ww_ctx);
    __mutex_remove_waiter(lock, &waiter);
skip_wait:
    if (ww_ctx)
        ww_mutex_lock_acquired(ww, ww_ctx);
    raw_spin_unlock(&lock->wait_lock);
    preempt_enable();
    return 0;

err:
    __set_current_state(TASK_RUNNING);
    __mutex_remove_waiter(lock, &waiter);
err_early_kill:
    raw_spin_unlock(&lock->wait_lock);
    preempt_enable();
    return ret;
}

/*
 * The lockdep call sits in each entry point, not in __mutex_lock_common(), so that _RET_IP_
 * is the caller of mutex_lock() as in the kernel (which passes it down as ip).
 */
void mutex_lock(struct mutex *lock)
{
    might_sleep();
    mutex_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    __mutex_lock_common(lock, TASK_UNINTERRUPTIBLE, NULL, false);
}

void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
    might_sleep();
    mutex_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    __mutex_lock_common(lock, TASK_UNINTERRUPTIBLE, NULL, false);
}

void _mutex_lock_nest_lock(struct mutex *lock, struct lockdep_map *nest_lock)
{
    might_sleep();
    mutex_acquire_nest(&lock->dep_map, 0, 0, nest_lock, _RET_IP_);
    __mutex_lock_common(lock, TASK_UNINTERRUPTIBLE, NULL, false);
}

int mutex_lock_interruptible(struct mutex *lock)
{
    int ret;
    might_sleep();
    mutex_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    ret = __mutex_lock_common(lock, TASK_INTERRUPTIBLE, NULL, false);
    if (ret)
        mutex_release(&lock->dep_map, _RET_IP_);
    return ret;
}

int mutex_lock_interruptible_nested(struct mutex *lock, unsigned int subclass)
{
    int ret;
    might_sleep();
    mutex_acquire(&lock->dep_map, subclass, 0, _RET_IP_);
    ret = __mutex_lock_common(lock, TASK_INTERRUPTIBLE, NULL, false);
    if (ret)
        mutex_release(&lock->dep_map, _RET_IP_);
    return ret;
}

int mutex_lock_killable(struct mutex *lock)
{
    int ret;
    might_sleep();
    mutex_acquire(&lock->dep_map, 0, 0, _RET_IP_);
    ret = __mutex_lock_common(lock, TASK_INTERRUPTIBLE, NULL, false);
    if (ret)
        mutex_release(&lock->dep_map, _RET_IP_);
    return ret;
}

int mutex_trylock(struct mutex *lock)
{
    DEBUG_LOCKS_WARN_ON(lock->magic != lock);
    if (__mutex_trylock(lock)) {
        mutex_acquire(&lock->dep_map, 0, 1, _RET_IP_);
        return 1;
    }
    return 0;
}

/* __mutex_unlock_slowpath(): release (or hand over), then wake the first waiter. */
void mutex_unlock(struct mutex *lock)
{
    struct task_struct *next = NULL;
    long owner;

    mutex_release(&lock->dep_map, _RET_IP_);
    owner = atomic_long_read(&lock->owner);
    DEBUG_LOCKS_WARN_ON(lock->magic != lock);
    for (;;) {
        DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current);
        DEBUG_LOCKS_WARN_ON(owner & MUTEX_FLAG_PICKUP);
        if (owner & MUTEX_FLAG_HANDOFF)
            break;
        if (atomic_long_try_cmpxchg(&lock->owner, &owner, __owner_flags(owner))) {
            if (owner & MUTEX_FLAG_WAITERS)
                break;
            return;
        }
    }

    raw_spin_lock(&lock->wait_lock);
    if (!list_empty(&lock->wait_list)) {
        struct mutex_waiter *waiter = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
        next = waiter->task;
    }
    if (owner & MUTEX_FLAG_HANDOFF)
        __mutex_handoff(lock, next);
    if (next)
        wake_up_process(next);
    raw_spin_unlock(&lock->wait_lock);
}

/*
 * ww_mutex entry points (mutex.c's ww_mutex_lock*(), ww_mutex_trylock(), ww_mutex_unlock()
 * and ww_mutex.h's __ww_mutex_lock()). -EALREADY (this context holds the lock) is answered
 * before lockdep hears of the attempt; a context that holds nothing starts again unwounded.
 * lockdep: the lock is acquired with the context as its nest_lock, so that ww_mutexes of
 * one class may be held together under one context (but recursive locking without one).
 */
static int __ww_mutex_lock_check(struct ww_mutex *ww, struct ww_acquire_ctx *ww_ctx)
{
    if (ww_ctx) {
        if (ww_ctx == READ_ONCE(ww->ctx))
            return -EALREADY;
        if (ww_ctx->acquired == 0)
            ww_ctx->wounded = 0;
    }
    return 0;
}

static struct lockdep_map *__ww_nest_lock(struct ww_acquire_ctx *ww_ctx)
{
    if (ww_ctx)
        return &ww_ctx->dep_map;
    return NULL;
}

/*
 * CONFIG_DEBUG_WW_MUTEX_SLOWPATH: every so often (a countdown from the stamp, then at growing
 * intervals) a lock that was taken is given back with -EDEADLK, so that callers' back-off
 * paths run even without contention.
 */
static int ww_mutex_deadlock_injection(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
{
    unsigned int tmp;

    if (ctx->deadlock_inject_countdown-- == 0) {
        tmp = ctx->deadlock_inject_interval;
        if (tmp > UINT_MAX / 4)
            tmp = UINT_MAX;
        else
            tmp = tmp * 2 + tmp + tmp / 2;
        ctx->deadlock_inject_interval = tmp;
        ctx->deadlock_inject_countdown = tmp;
        ctx->contending_lock = lock;
        ww_mutex_unlock(lock);
        return -EDEADLK;
    }
    return 0;
}

int ww_mutex_lock(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
{
    int ret;

    might_sleep();
    ret = __ww_mutex_lock_check(lock, ctx);
    if (ret)
        return ret;
    mutex_acquire_nest(&lock->base.dep_map, 0, 0, __ww_nest_lock(ctx), _RET_IP_);
    ret = __mutex_lock_common(&lock->base, TASK_UNINTERRUPTIBLE, ctx, true);
    if (ret) {
        mutex_release(&lock->base.dep_map, _RET_IP_);
        return ret;
    }
    if (ctx && ctx->acquired > 1)
        return ww_mutex_deadlock_injection(lock, ctx);
    return 0;
}

int ww_mutex_lock_interruptible(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
{
    int ret;

    might_sleep();
    ret = __ww_mutex_lock_check(lock, ctx);
    if (ret)
        return ret;
    mutex_acquire_nest(&lock->base.dep_map, 0, 0, __ww_nest_lock(ctx), _RET_IP_);
    ret = __mutex_lock_common(&lock->base, TASK_INTERRUPTIBLE, ctx, true);
    if (ret) {
        mutex_release(&lock->base.dep_map, _RET_IP_);
        return ret;
    }
    if (ctx && ctx->acquired > 1)
        return ww_mutex_deadlock_injection(lock, ctx);
    return 0;
}

/* Without a context, mutex_trylock(); with one, the lock counts as acquired under it. */
int ww_mutex_trylock(struct ww_mutex *ww, struct ww_acquire_ctx *ww_ctx)
{
    if (!ww_ctx)
        return mutex_trylock(&ww->base);
    DEBUG_LOCKS_WARN_ON(ww->base.magic != &ww->base);
    if (ww_ctx->acquired == 0)
        ww_ctx->wounded = 0;
    if (__mutex_trylock(&ww->base)) {
        ww_mutex_set_context_fastpath(ww, ww_ctx);
        mutex_acquire_nest(&ww->base.dep_map, 0, 1, __ww_nest_lock(ww_ctx), _RET_IP_);
        return 1;
    }
    return 0;
}

void ww_mutex_unlock(struct ww_mutex *lock)
{
    __ww_mutex_unlock(lock);
    mutex_unlock(&lock->base);
}
