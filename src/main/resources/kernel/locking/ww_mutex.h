/*
 * spinlab's model of kernel/locking/ww_mutex.h: the wound/wait decisions of the mutex slow
 * path, included by kernel/locking/mutex.c (the kernel's !WW_RT half: waiters are the mutex's
 * wait_list, kept in stamp order among the waiters with a context).
 *
 * Wait-Die: a context that asks for a lock held (or waited for) by an older context dies:
 * -EDEADLK. Wound-Wait: an older context that asks for a lock held by a younger one wounds
 * it; the wounded context gets -EDEADLK at its next wait for a contended lock. A context
 * holding nothing never backs off (there is nothing to release), it waits.
 */

static inline struct mutex_waiter *__ww_waiter_first(struct mutex *lock)
{
    struct mutex_waiter *w = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
    if (list_entry_is_head(w, &lock->wait_list, list))
        return NULL;
    return w;
}

static inline struct mutex_waiter *__ww_waiter_next(struct mutex *lock, struct mutex_waiter *w)
{
    w = list_next_entry(w, list);
    if (list_entry_is_head(w, &lock->wait_list, list))
        return NULL;
    return w;
}

static inline struct mutex_waiter *__ww_waiter_prev(struct mutex *lock, struct mutex_waiter *w)
{
    w = list_prev_entry(w, list);
    if (list_entry_is_head(w, &lock->wait_list, list))
        return NULL;
    return w;
}

static inline struct mutex_waiter *__ww_waiter_last(struct mutex *lock)
{
    struct mutex_waiter *w = list_last_entry(&lock->wait_list, struct mutex_waiter, list);
    if (list_entry_is_head(w, &lock->wait_list, list))
        return NULL;
    return w;
}

/* Queue waiter before pos (at the tail when pos is NULL). */
static inline void __ww_waiter_add(struct mutex *lock, struct mutex_waiter *waiter, struct mutex_waiter *pos)
{
    struct list_head *p = &lock->wait_list;
    if (pos)
        p = &pos->list;
    __mutex_add_waiter(lock, waiter, p);
}

static inline struct task_struct *__ww_mutex_owner(struct mutex *lock)
{
    return __owner_task(atomic_long_read(&lock->owner));
}

static inline bool __ww_mutex_has_waiters(struct mutex *lock)
{
    return atomic_long_read(&lock->owner) & MUTEX_FLAG_WAITERS;
}

/*
 * Records that the lock is held under ww_ctx, with DEBUG_WW_MUTEXES's checks of the
 * protocol: a ww_mutex released by plain mutex_unlock() (ctx still set), a lock taken after
 * ww_acquire_done(), after -EDEADLK another lock than the contended one or the contended one
 * with other locks still held, and a context of another class.
 */
static void ww_mutex_lock_acquired(struct ww_mutex *ww, struct ww_acquire_ctx *ww_ctx)
{
#ifdef DEBUG_WW_MUTEXES
    DEBUG_LOCKS_WARN_ON(ww->ctx);
    DEBUG_LOCKS_WARN_ON(ww_ctx->done_acquire);
    if (ww_ctx->contending_lock) {
        DEBUG_LOCKS_WARN_ON(ww_ctx->contending_lock != ww);
        DEBUG_LOCKS_WARN_ON(ww_ctx->acquired > 0);
        ww_ctx->contending_lock = NULL;
    }
    DEBUG_LOCKS_WARN_ON(ww_ctx->ww_class != ww->ww_class);
#endif
    ww_ctx->acquired++;
    ww->ctx = ww_ctx;
}

/* a is 'less' than b: a younger transaction (bigger stamp; the comparison survives wrap) */
static inline bool __ww_ctx_less(struct ww_acquire_ctx *a, struct ww_acquire_ctx *b)
{
    return (long)(a->stamp - b->stamp) > 0;
}

/*
 * Wait-Die: wake a waiter younger than ww_ctx that holds locks, so that it sees it must die.
 * Returns whether the class is wait-die (the caller then stops looking).
 */
static bool __ww_mutex_die(struct mutex *lock, struct mutex_waiter *waiter, struct ww_acquire_ctx *ww_ctx)
{
    if (!ww_ctx->is_wait_die)
        return false;
    if (waiter->ww_ctx->acquired > 0 && __ww_ctx_less(waiter->ww_ctx, ww_ctx))
        wake_up_process(waiter->task);
    return true;
}

/*
 * Wound-Wait: ww_ctx (holding locks) wants the lock that hold_ctx, a younger context, holds:
 * wound the holder and wake it so that it backs off. Called with wait_lock held.
 */
static bool __ww_mutex_wound(struct mutex *lock, struct ww_acquire_ctx *ww_ctx, struct ww_acquire_ctx *hold_ctx)
{
    struct task_struct *owner = __ww_mutex_owner(lock);

    if (!hold_ctx)
        return false;
    if (!owner)
        return false;
    if (ww_ctx->acquired > 0 && __ww_ctx_less(hold_ctx, ww_ctx)) {
        hold_ctx->wounded = 1;
        if (owner != current)
            wake_up_process(owner);
        return true;
    }
    return false;
}

/*
 * We just took lock under ww_ctx: the first waiter with a context that must die (wait-die)
 * is woken, or we are wounded by an older one (wound-wait). Called with wait_lock held.
 */
static void __ww_mutex_check_waiters(struct mutex *lock, struct ww_acquire_ctx *ww_ctx)
{
    struct mutex_waiter *cur;

    for (cur = __ww_waiter_first(lock); cur; cur = __ww_waiter_next(lock, cur)) {
        if (!cur->ww_ctx)
            continue;
        if (__ww_mutex_die(lock, cur, ww_ctx) || __ww_mutex_wound(lock, cur->ww_ctx, ww_ctx))
            break;
    }
}

/* Taken without wait_lock: set the context, then let waiters that raced with us re-check. */
static void ww_mutex_set_context_fastpath(struct ww_mutex *lock, struct ww_acquire_ctx *ctx)
{
    ww_mutex_lock_acquired(lock, ctx);
    if (!__ww_mutex_has_waiters(&lock->base))
        return;
    raw_spin_lock(&lock->base.wait_lock);
    __ww_mutex_check_waiters(&lock->base, ctx);
    raw_spin_unlock(&lock->base.wait_lock);
}

/* Back off: -EDEADLK when the context holds locks (it remembers the contended lock). */
static int __ww_mutex_kill(struct mutex *lock, struct ww_acquire_ctx *ww_ctx)
{
    if (ww_ctx->acquired > 0) {
#ifdef DEBUG_WW_MUTEXES
        struct ww_mutex *ww = container_of(lock, struct ww_mutex, base);
        DEBUG_LOCKS_WARN_ON(ww_ctx->contending_lock);
        ww_ctx->contending_lock = ww;
#endif
        return -EDEADLK;
    }
    return 0;
}

/*
 * Before each wait: wound-wait dies when wounded; wait-die dies when the holder, or a
 * waiter with a context ahead of us (older, by the list's order), is older.
 */
static int __ww_mutex_check_kill(struct mutex *lock, struct mutex_waiter *waiter, struct ww_acquire_ctx *ctx)
{
    struct ww_mutex *ww = container_of(lock, struct ww_mutex, base);
    struct ww_acquire_ctx *hold_ctx = READ_ONCE(ww->ctx);
    struct mutex_waiter *cur;

    if (ctx->acquired == 0)
        return 0;
    if (!ctx->is_wait_die) {
        if (ctx->wounded)
            return __ww_mutex_kill(lock, ctx);
        return 0;
    }
    if (hold_ctx && __ww_ctx_less(ctx, hold_ctx))
        return __ww_mutex_kill(lock, ctx);
    for (cur = __ww_waiter_prev(lock, waiter); cur; cur = __ww_waiter_prev(lock, cur)) {
        if (!cur->ww_ctx)
            continue;
        return __ww_mutex_kill(lock, ctx);
    }
    return 0;
}

/*
 * Queue the waiter in stamp order among the waiters with a context (those without keep
 * their FIFO place): wait-die dies at once behind an older waiter and wakes younger ones
 * that must die; wound-wait wounds a younger holder. Called with wait_lock held.
 */
static int __ww_mutex_add_waiter(struct mutex_waiter *waiter, struct mutex *lock, struct ww_acquire_ctx *ww_ctx)
{
    struct mutex_waiter *cur, *pos = NULL;
    bool is_wait_die;

    if (!ww_ctx) {
        __ww_waiter_add(lock, waiter, NULL);
        return 0;
    }
    is_wait_die = ww_ctx->is_wait_die;
    for (cur = __ww_waiter_last(lock); cur; cur = __ww_waiter_prev(lock, cur)) {
        if (!cur->ww_ctx)
            continue;
        if (__ww_ctx_less(ww_ctx, cur->ww_ctx)) {
            if (is_wait_die) {
                int ret = __ww_mutex_kill(lock, ww_ctx);
                if (ret)
                    return ret;
            }
            break;
        }
        pos = cur;
        __ww_mutex_die(lock, cur, ww_ctx);
    }
    __ww_waiter_add(lock, waiter, pos);
    if (!is_wait_die) {
        struct ww_mutex *ww = container_of(lock, struct ww_mutex, base);
        __ww_mutex_wound(lock, ww_ctx, ww->ctx);
    }
    return 0;
}

/* Forget the context before the mutex itself is released. */
static inline void __ww_mutex_unlock(struct ww_mutex *lock)
{
    if (lock->ctx) {
#ifdef DEBUG_WW_MUTEXES
        DEBUG_LOCKS_WARN_ON(!lock->ctx->acquired);
#endif
        if (lock->ctx->acquired > 0)
            lock->ctx->acquired--;
        lock->ctx = NULL;
    }
}
