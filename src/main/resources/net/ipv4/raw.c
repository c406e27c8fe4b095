/*
 * spinlab's model of net/ipv4/raw.c: raw IPv4 sockets. Sending: the user's buffer is the
 * transport message (for IPPROTO_ICMP, the ICMP header and data, checksum computed by the
 * user, as ping does); the kernel adds the IP header. Receiving: every raw socket of a
 * protocol gets a copy of each incoming packet of that protocol, IP header included
 * (raw_local_deliver, before the protocol's own handler), so a ping on 127.0.0.1 also sees
 * its own echo request.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/in.h>
#include <linux/socket.h>
#include <linux/uaccess.h>
#include <net/ip.h>
#include <net/route.h>
#include <net/sock.h>

static LIST_HEAD(raw_v4_list);
static DEFINE_SPINLOCK(raw_v4_lock);

void raw_hash_sk(struct sock *sk)
{
    spin_lock_bh(&raw_v4_lock);
    list_add_tail(&sk->sk_node, &raw_v4_list);
    spin_unlock_bh(&raw_v4_lock);
}

void raw_unhash_sk(struct sock *sk)
{
    spin_lock_bh(&raw_v4_lock);
    list_del_init(&sk->sk_node);
    spin_unlock_bh(&raw_v4_lock);
}

static int raw_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
    if (sock_queue_rcv_skb(sk, skb) < 0) {
        kfree_skb(skb);
        return NET_RX_DROP;
    }
    return NET_RX_SUCCESS;
}

static int raw_rcv(struct sock *sk, struct sk_buff *skb)
{
    /* the raw socket sees the IP header */
    skb_push(skb, skb->data - skb_network_header(skb));
    return raw_rcv_skb(sk, skb);
}

/* Softirq context: gives each raw socket of the protocol its own copy. */
int raw_local_deliver(struct sk_buff *skb, int protocol)
{
    struct list_head *pos;
    int delivered = 0;

    spin_lock(&raw_v4_lock);
    for (pos = raw_v4_list.next; pos != &raw_v4_list; pos = pos->next) {
        struct sock *sk = list_entry(pos, struct sock, sk_node);
        if (sk->sk_protocol == protocol) {
            struct sk_buff *clone = skb_clone(skb, GFP_ATOMIC);
            delivered = 1;
            if (clone)
                raw_rcv(sk, clone);
        }
    }
    spin_unlock(&raw_v4_lock);
    return delivered;
}

static int raw_getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb)
{
    return ip_generic_getfrag(from, to, offset, len, odd, skb);
}

static int raw_sendmsg(struct sock *sk, struct msghdr *msg, size_t len)
{
    struct sockaddr_in *usin = msg->msg_name;
    struct net *net = &init_net;
    struct flowi4 fl4;
    struct rtable *rt;
    __be32 daddr;
    int err;

    if (len > 0xFFFF)
        return -EMSGSIZE;
    if (!usin)
        return -EDESTADDRREQ;       /* the model's raw sockets are never connected */
    if (msg->msg_namelen < sizeof(*usin))
        return -EINVAL;
    if (usin->sin_family != AF_INET)
        return -EAFNOSUPPORT;
    daddr = usin->sin_addr.s_addr;

    rt = ip_route_output(net, daddr, 0);
    if (!rt)
        return -ENETUNREACH;
    fl4.daddr = daddr;
    fl4.saddr = inet_select_addr(rt->dst.dev, daddr);
    fl4.proto = sk->sk_protocol;

    /* lock_sock(sk): the model's sockets have one user */
    err = ip_append_data(sk, &fl4, raw_getfrag, msg, len, 0, rt, msg->msg_flags);
    if (err)
        ip_flush_pending_frames(sk);
    else
        err = ip_push_pending_frames(sk, &fl4);
    /* release_sock(sk) */
    return err < 0 ? err : len;
}

static int raw_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags, int *addr_len)
{
    struct sockaddr_in *sin = msg->msg_name;
    struct sk_buff *skb;
    size_t copied;
    int err = 0;

    skb = skb_recv_datagram(sk, flags, &err);
    if (!skb)
        return err;
    copied = skb->len;
    if (len < copied)
        copied = len;
    err = skb_copy_datagram_msg(skb, 0, msg->msg_buf, copied);
    if (!err && sin) {
        memset(sin, 0, sizeof(*sin));
        sin->sin_family = AF_INET;
        sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
        *addr_len = sizeof(*sin);
    }
    consume_skb(skb);          /* skb_free_datagram() */
    return err ? err : copied;
}

static void raw_close(struct sock *sk, long timeout)
{
    raw_unhash_sk(sk);
    skb_queue_purge(&sk->sk_receive_queue);
    sk_free(sk);
}

struct proto raw_prot = {
    .name = "RAW",
    .close = raw_close,
    .sendmsg = raw_sendmsg,
    .recvmsg = raw_recvmsg,
};
