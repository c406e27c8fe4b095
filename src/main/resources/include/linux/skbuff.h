/*
 * spinlab's model of <linux/skbuff.h>: socket buffers. An sk_buff owns one linear data
 * buffer [head, end) with data/tail marking the packet inside it; headers are found through
 * offsets from head (mac_header, network_header, transport_header), as in the kernel. No
 * fragments, no sharing: skb_clone() copies. sk_buff_head is a locked queue, as in the kernel
 * (its lock is taken with irqs saved, so a queue may be shared with interrupt context).
 */
#ifndef _SPINLAB_LINUX_SKBUFF_H
#define _SPINLAB_LINUX_SKBUFF_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>

struct net_device;
struct sock;
struct dst_entry;

#define PACKET_HOST 0
#define PACKET_BROADCAST 1
#define PACKET_OTHERHOST 3
#define PACKET_OUTGOING 4
#define PACKET_LOOPBACK 5

#define CHECKSUM_NONE 0
#define CHECKSUM_UNNECESSARY 1

struct sk_buff {
    struct sk_buff *next;
    struct sk_buff *prev;
    struct sock *sk;
    struct net_device *dev;
    struct dst_entry *dst;
    int skb_iif;
    unsigned int len;
    __be16 protocol;
    __u8 pkt_type;
    __u8 ip_summed;
    __u16 mac_header;
    __u16 network_header;
    __u16 transport_header;
    __u32 priority;
    __u32 mark;
    unsigned int truesize;
    unsigned char *head;
    unsigned char *data;
    unsigned char *tail;
    unsigned char *end;
    char cb[48];
};

struct sk_buff_head {
    struct sk_buff *next;
    struct sk_buff *prev;
    __u32 qlen;
    spinlock_t lock;
};

struct sk_buff *alloc_skb(unsigned int size, gfp_t priority);
struct sk_buff *skb_clone(struct sk_buff *skb, gfp_t priority);
struct sk_buff *skb_copy(const struct sk_buff *skb, gfp_t priority);
void kfree_skb(struct sk_buff *skb);
void consume_skb(struct sk_buff *skb);
#define dev_kfree_skb(skb) consume_skb(skb)
#define dev_kfree_skb_any(skb) consume_skb(skb)
#define dev_kfree_skb_irq(skb) consume_skb(skb)
void *skb_put(struct sk_buff *skb, unsigned int len);
void *skb_push(struct sk_buff *skb, unsigned int len);
void *skb_pull(struct sk_buff *skb, unsigned int len);
void skb_reserve(struct sk_buff *skb, int len);
void skb_trim(struct sk_buff *skb, unsigned int len);
int skb_copy_datagram_msg(const struct sk_buff *from, int offset, void *to_user, int size);

void skb_queue_head_init(struct sk_buff_head *list);
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *skb_dequeue(struct sk_buff_head *list);
void skb_queue_purge(struct sk_buff_head *list);
void __skb_queue_head_init(struct sk_buff_head *list);
void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
struct sk_buff *__skb_dequeue(struct sk_buff_head *list);
void skb_queue_splice_tail_init(struct sk_buff_head *list, struct sk_buff_head *head);

static inline __u32 skb_queue_len(const struct sk_buff_head *list)
{
    return list->qlen;
}

static inline int skb_queue_empty(const struct sk_buff_head *list)
{
    return list->qlen == 0;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
    return skb->data - skb->head;
}

static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
    return skb->head + skb->mac_header;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
    return skb->head + skb->network_header;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
    return skb->head + skb->transport_header;
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
    skb->mac_header = skb->data - skb->head;
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
    skb->network_header = skb->data - skb->head;
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
    skb->transport_header = skb->data - skb->head;
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
    skb->transport_header = (skb->data - skb->head) + offset;
}

static inline int skb_network_offset(const struct sk_buff *skb)
{
    return skb_network_header(skb) - skb->data;
}

static inline struct dst_entry *skb_dst(const struct sk_buff *skb)
{
    return skb->dst;
}

static inline void skb_dst_set(struct sk_buff *skb, struct dst_entry *dst)
{
    skb->dst = dst;
}

static inline void skb_orphan(struct sk_buff *skb)
{
    skb->sk = NULL;
}

#endif
