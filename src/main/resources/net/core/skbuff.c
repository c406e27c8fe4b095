/*
 * spinlab's model of net/core/skbuff.c: allocating, freeing and editing socket buffers, and
 * the locked sk_buff_head queues. An skb and its data are two kmalloc blocks, so a use after
 * kfree_skb() is caught exactly by the machine's shadow memory.
 */
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

struct sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
    struct sk_buff *skb = kmalloc(sizeof(*skb), gfp);
    unsigned char *data;
    if (!skb)
        return NULL;
    data = kmalloc(size, gfp);
    if (!data) {
        kfree(skb);
        return NULL;
    }
    memset(skb, 0, sizeof(*skb));
    skb->head = data;
    skb->data = data;
    skb->tail = data;
    skb->end = data + size;
    skb->truesize = size + sizeof(*skb);
    return skb;
}

static void skb_release(struct sk_buff *skb)
{
    kfree(skb->head);
    kfree(skb);
}

void kfree_skb(struct sk_buff *skb)
{
    if (skb)
        skb_release(skb);
}

void consume_skb(struct sk_buff *skb)
{
    if (skb)
        skb_release(skb);
}

/* A private copy with the same headers; the model never shares data between skbs. */
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t gfp)
{
    unsigned int size = skb->end - skb->head;
    struct sk_buff *n = alloc_skb(size, gfp);
    if (!n)
        return NULL;
    memcpy(n->head, skb->head, size);
    n->data = n->head + (skb->data - skb->head);
    n->tail = n->head + (skb->tail - skb->head);
    n->len = skb->len;
    n->dev = skb->dev;
    n->dst = skb->dst;
    n->skb_iif = skb->skb_iif;
    n->protocol = skb->protocol;
    n->pkt_type = skb->pkt_type;
    n->ip_summed = skb->ip_summed;
    n->mac_header = skb->mac_header;
    n->network_header = skb->network_header;
    n->transport_header = skb->transport_header;
    n->mark = skb->mark;
    memcpy(n->cb, skb->cb, sizeof(n->cb));
    return n;
}

struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t gfp)
{
    return skb_copy(skb, gfp);
}

void *skb_put(struct sk_buff *skb, unsigned int len)
{
    unsigned char *tmp = skb->tail;
    skb->tail += len;
    skb->len += len;
    BUG_ON(skb->tail > skb->end);
    return tmp;
}

void *skb_push(struct sk_buff *skb, unsigned int len)
{
    skb->data -= len;
    skb->len += len;
    BUG_ON(skb->data < skb->head);
    return skb->data;
}

void *skb_pull(struct sk_buff *skb, unsigned int len)
{
    if (len > skb->len)
        return NULL;
    skb->len -= len;
    skb->data += len;
    return skb->data;
}

void skb_reserve(struct sk_buff *skb, int len)
{
    skb->data += len;
    skb->tail += len;
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
    if (skb->len > len) {
        skb->len = len;
        skb->tail = skb->data + len;
    }
}

/* Copies size bytes of the packet from offset to user memory (one buffer, no iov_iter). */
int skb_copy_datagram_msg(const struct sk_buff *from, int offset, void *to_user, int size)
{
    if (copy_to_user(to_user, from->data + offset, size))
        return -EFAULT;
    return 0;
}

/* ---- queues: the list head doubles as the end marker, as in the kernel ---- */

void __skb_queue_head_init(struct sk_buff_head *list)
{
    list->prev = (struct sk_buff *)list;
    list->next = (struct sk_buff *)list;
    list->qlen = 0;
}

void skb_queue_head_init(struct sk_buff_head *list)
{
    spin_lock_init(&list->lock);
    __skb_queue_head_init(list);
}

void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
    struct sk_buff *last = list->prev;
    newsk->next = (struct sk_buff *)list;
    newsk->prev = last;
    last->next = newsk;
    list->prev = newsk;
    list->qlen++;
}

struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
    struct sk_buff *skb = list->next;
    if (skb == (struct sk_buff *)list)
        return NULL;
    list->next = skb->next;
    skb->next->prev = (struct sk_buff *)list;
    skb->next = NULL;
    skb->prev = NULL;
    list->qlen--;
    return skb;
}

void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk)
{
    unsigned long flags;
    spin_lock_irqsave(&list->lock, flags);
    __skb_queue_tail(list, newsk);
    spin_unlock_irqrestore(&list->lock, flags);
}

struct sk_buff *skb_dequeue(struct sk_buff_head *list)
{
    unsigned long flags;
    struct sk_buff *skb;
    spin_lock_irqsave(&list->lock, flags);
    skb = __skb_dequeue(list);
    spin_unlock_irqrestore(&list->lock, flags);
    return skb;
}

void skb_queue_purge(struct sk_buff_head *list)
{
    struct sk_buff *skb;
    while ((skb = skb_dequeue(list)) != NULL)
        kfree_skb(skb);
}

/* Moves every skb of list to the tail of head; list becomes empty. */
void skb_queue_splice_tail_init(struct sk_buff_head *list, struct sk_buff_head *head)
{
    struct sk_buff *skb;
    while ((skb = __skb_dequeue(list)) != NULL)
        __skb_queue_tail(head, skb);
}
