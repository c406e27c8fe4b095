/*
 * spinlab's model of kernel/notifier.c: the notifier chains of <linux/notifier.h>. A chain is
 * a singly linked list kept in priority order (higher first; a new block goes after those of
 * its own priority); a call runs the callbacks in that order until one returns a value with
 * NOTIFY_STOP_MASK. Atomic chains publish a new block with rcu_assign_pointer under their
 * spinlock and wait for a grace period after removing one; the call walks the list in an RCU
 * read-side section (the model kernel's own readers are markers: docs/kernel.md). Blocking
 * chains register and unregister under their rw_semaphore taken for writing and call under it
 * taken for reading; raw chains leave the locking to the caller.
 */
#include <linux/kernel.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/bug.h>

/*
 * notifier_chain_register(): the chain is kept sorted by descending priority, and a block
 * joins behind every block of its own priority. link walks the "next" slots until the slot
 * where n belongs; the same block twice is the kernel's WARN and -EEXIST, and an equal
 * priority is -EBUSY for the _unique_prio registrations.
 */
static int notifier_chain_register(struct notifier_block **head, struct notifier_block *n, bool unique_priority)
{
    struct notifier_block **link;

    for (link = head; *link; link = &(*link)->next) {
        struct notifier_block *at = *link;

        if (unlikely(at == n)) {
            WARN(1, "notifier callback %ps already registered", n->notifier_call);
            return -EEXIST;
        }
        if (at->priority < n->priority)
            break;
        if (unique_priority && at->priority == n->priority)
            return -EBUSY;
    }
    n->next = *link;
    rcu_assign_pointer(*link, n); /* readers walking the chain see n whole or not at all */
    return 0;
}

/* notifier_chain_unregister(): unlink n; -ENOENT when it is not on the chain */
static int notifier_chain_unregister(struct notifier_block **head, struct notifier_block *n)
{
    struct notifier_block **link = head;

    while (*link && *link != n)
        link = &(*link)->next;
    if (!*link)
        return -ENOENT;
    rcu_assign_pointer(*link, n->next);
    return 0;
}

/*
 * notifier_call_chain(): run the callbacks in chain order, at most budget of them (-1: no
 * limit), counting those run in *ran when asked; the first result carrying NOTIFY_STOP_MASK
 * ends the walk and is returned. The next block is read before the callback runs, as a
 * callback may unregister its own block.
 */
static int notifier_call_chain(struct notifier_block **head, unsigned long val, void *v, int budget, int *ran)
{
    struct notifier_block *nb = rcu_dereference_raw(*head);
    int result = NOTIFY_DONE;

    for (; nb && budget != 0; budget--) {
        struct notifier_block *after = rcu_dereference_raw(nb->next);

        result = nb->notifier_call(nb, val, v);
        if (ran)
            *ran += 1;
        if (result & NOTIFY_STOP_MASK)
            break;
        nb = after;
    }
    return result;
}

/* the _robust calls: val_up to everyone; on a refusal, val_down to those already called */
static int notifier_call_chain_robust(struct notifier_block **nl, unsigned long val_up,
                                      unsigned long val_down, void *v)
{
    int ret, nr = 0;

    ret = notifier_call_chain(nl, val_up, v, -1, &nr);
    if (ret & NOTIFY_STOP_MASK)
        notifier_call_chain(nl, val_down, v, nr - 1, NULL);
    return ret;
}

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *n)
{
    unsigned long flags;
    int ret;

    spin_lock_irqsave(&nh->lock, flags);
    ret = notifier_chain_register(&nh->head, n, false);
    spin_unlock_irqrestore(&nh->lock, flags);
    return ret;
}

int atomic_notifier_chain_register_unique_prio(struct atomic_notifier_head *nh, struct notifier_block *n)
{
    unsigned long flags;
    int ret;

    spin_lock_irqsave(&nh->lock, flags);
    ret = notifier_chain_register(&nh->head, n, true);
    spin_unlock_irqrestore(&nh->lock, flags);
    return ret;
}

int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh, struct notifier_block *n)
{
    unsigned long flags;
    int ret;

    spin_lock_irqsave(&nh->lock, flags);
    ret = notifier_chain_unregister(&nh->head, n);
    spin_unlock_irqrestore(&nh->lock, flags);
    synchronize_rcu();
    return ret;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v)
{
    int ret;

    rcu_read_lock();
    ret = notifier_call_chain(&nh->head, val, v, -1, NULL);
    rcu_read_unlock();
    return ret;
}

bool atomic_notifier_call_chain_is_empty(struct atomic_notifier_head *nh)
{
    return !rcu_access_pointer(nh->head);
}

/* blocking chains: registration may sleep (the rwsem), so it is for process context */
static int __blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *n,
                                              bool unique_priority)
{
    int ret;

    down_write(&nh->rwsem);
    ret = notifier_chain_register(&nh->head, n, unique_priority);
    up_write(&nh->rwsem);
    return ret;
}

int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *n)
{
    return __blocking_notifier_chain_register(nh, n, false);
}

int blocking_notifier_chain_register_unique_prio(struct blocking_notifier_head *nh, struct notifier_block *n)
{
    return __blocking_notifier_chain_register(nh, n, true);
}

int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh, struct notifier_block *n)
{
    int ret;

    down_write(&nh->rwsem);
    ret = notifier_chain_unregister(&nh->head, n);
    up_write(&nh->rwsem);
    return ret;
}

int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v)
{
    int ret = NOTIFY_DONE;

    /* an empty chain is not locked at all (the kernel's unlocked peek) */
    if (rcu_access_pointer(nh->head)) {
        down_read(&nh->rwsem);
        ret = notifier_call_chain(&nh->head, val, v, -1, NULL);
        up_read(&nh->rwsem);
    }
    return ret;
}

int blocking_notifier_call_chain_robust(struct blocking_notifier_head *nh, unsigned long val_up,
                                        unsigned long val_down, void *v)
{
    int ret = NOTIFY_DONE;

    if (rcu_access_pointer(nh->head)) {
        down_read(&nh->rwsem);
        ret = notifier_call_chain_robust(&nh->head, val_up, val_down, v);
        up_read(&nh->rwsem);
    }
    return ret;
}

int raw_notifier_chain_register(struct raw_notifier_head *nh, struct notifier_block *n)
{
    return notifier_chain_register(&nh->head, n, false);
}

int raw_notifier_chain_unregister(struct raw_notifier_head *nh, struct notifier_block *n)
{
    return notifier_chain_unregister(&nh->head, n);
}

int raw_notifier_call_chain(struct raw_notifier_head *nh, unsigned long val, void *v)
{
    return notifier_call_chain(&nh->head, val, v, -1, NULL);
}

int raw_notifier_call_chain_robust(struct raw_notifier_head *nh, unsigned long val_up,
                                   unsigned long val_down, void *v)
{
    return notifier_call_chain_robust(&nh->head, val_up, val_down, v);
}
