/*
 * spinlab's model of <linux/rculist.h>: lists that readers walk under rcu_read_lock() while
 * an updater changes them. The model's stores are not reordered, so the publishing stores are
 * plain assignments in the kernel's order (the new entry is filled in before it is linked);
 * a deleted entry keeps its next pointer, so a reader standing on it can go on, and is freed
 * only after a grace period (synchronize_rcu, call_rcu, kfree_rcu).
 */
#ifndef _SPINLAB_LINUX_RCULIST_H
#define _SPINLAB_LINUX_RCULIST_H

#include <linux/list.h>
#include <linux/rcupdate.h>

#define INIT_LIST_HEAD_RCU(list) INIT_LIST_HEAD(list)
#define list_next_rcu(list) ((list)->next)

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
    struct list_head *next = head->next;

    new->next = next;
    new->prev = head;
    rcu_assign_pointer(list_next_rcu(head), new);
    next->prev = new;
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
    struct list_head *prev = head->prev;

    new->next = head;
    new->prev = prev;
    rcu_assign_pointer(list_next_rcu(prev), new);
    head->prev = new;
}

static inline void list_del_rcu(struct list_head *entry)
{
    entry->next->prev = entry->prev;
    entry->prev->next = entry->next;
    entry->prev = (struct list_head *)LIST_POISON2;
}

static inline void list_replace_rcu(struct list_head *old, struct list_head *new)
{
    new->next = old->next;
    new->prev = old->prev;
    rcu_assign_pointer(list_next_rcu(new->prev), new);
    new->next->prev = new;
    old->prev = (struct list_head *)LIST_POISON2;
}

#define list_entry_rcu(ptr, type, member) container_of(READ_ONCE(ptr), type, member)
#define list_first_or_null_rcu(ptr, type, member) \
    ({ struct list_head *__ptr = (ptr); struct list_head *__next = READ_ONCE(__ptr->next); \
       __ptr != __next ? list_entry_rcu(__next, type, member) : NULL; })
#define list_next_or_null_rcu(head, ptr, type, member) \
    ({ struct list_head *__head = (head); struct list_head *__ptr = (ptr); \
       struct list_head *__next = READ_ONCE(__ptr->next); \
       __next != __head ? list_entry_rcu(__next, type, member) : NULL; })
/* the optional lockdep condition (a fourth argument) is accepted and not evaluated */
#define list_for_each_entry_rcu(pos, head, member, ...) \
    for (pos = list_entry_rcu((head)->next, typeof(*pos), member); \
         &pos->member != (head); \
         pos = list_entry_rcu(pos->member.next, typeof(*pos), member))
#define list_for_each_entry_srcu(pos, head, member, cond) list_for_each_entry_rcu(pos, head, member)

static inline void hlist_del_rcu(struct hlist_node *n)
{
    __hlist_del(n);
    n->pprev = (struct hlist_node **)LIST_POISON2;
}

static inline void hlist_del_init_rcu(struct hlist_node *n)
{
    if (!hlist_unhashed(n)) {
        __hlist_del(n);
        n->pprev = NULL;
    }
}

static inline void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h)
{
    struct hlist_node *first = h->first;

    n->next = first;
    n->pprev = &h->first;
    rcu_assign_pointer(h->first, n);
    if (first)
        first->pprev = &n->next;
}

#define hlist_for_each_entry_rcu(pos, head, member, ...) hlist_for_each_entry(pos, head, member)

#endif
