/*
 * spinlab's model of net/ipv4/ip_output.c: sending IPv4. ip_append_data() builds the
 * pending frame on the socket's write queue (the model builds one skb: no fragmentation),
 * ip_push_pending_frames() adds the IP header and sends it:
 * ip_send_skb -> ip_local_out (LOCAL_OUT hook) -> dst_output -> ip_output (POST_ROUTING hook)
 * -> ip_finish_output -> __ip_finish_output -> ip_finish_output2 -> neigh_output ->
 * dev_queue_xmit. Everything up to dev_queue_xmit runs in the sender's context with bottom
 * halves enabled.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/ip.h>
#include <net/route.h>
#include <net/sock.h>

#define LL_RESERVED_SPACE 16

static u16 ip_ident;

void ip_send_check(struct iphdr *iph)
{
    iph->check = 0;
    iph->check = ip_fast_csum(iph, IPH_IHL(iph));
}

/* The neighbour layer, reduced to a fixed table: lo needs no address, and every host
 * reached through eth0 is the machine's peer 02:00:00:00:00:02 (10.0.0.2). */
struct neighbour {
    unsigned char ha[ETH_ALEN];
};

static struct neighbour neigh_lo;
static struct neighbour neigh_peer = { .ha = { 2, 0, 0, 0, 0, 2 } };

static struct neighbour *ip_neigh_for_gw(struct net_device *dev, __be32 daddr)
{
    if (dev->flags & IFF_LOOPBACK)
        return &neigh_lo;
    return &neigh_peer;
}

static int neigh_output(struct neighbour *n, struct sk_buff *skb)
{
    struct net_device *dev = skb->dev;
    struct ethhdr *eth = skb_push(skb, ETH_HLEN);
    memcpy(eth->h_dest, n->ha, ETH_ALEN);
    memcpy(eth->h_source, dev->dev_addr, ETH_ALEN);
    eth->h_proto = htons(ETH_P_IP);
    return dev_queue_xmit(skb);
}

static int ip_finish_output2(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    struct dst_entry *dst = skb_dst(skb);
    struct net_device *dev = dst->dev;
    struct neighbour *neigh;
    int res;

    if (skb_headroom(skb) < dev->hard_header_len) {
        kfree_skb(skb);
        return -ENOMEM;
    }
    rcu_read_lock();
    neigh = ip_neigh_for_gw(dev, ip_hdr(skb)->daddr);
    res = neigh_output(neigh, skb);
    rcu_read_unlock();
    return res;
}

static int __ip_finish_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    if (skb->len > skb_dst(skb)->dev->mtu) {
        /* ip_fragment() in the kernel; the model's packets always fit */
        kfree_skb(skb);
        return -EMSGSIZE;
    }
    return ip_finish_output2(net, sk, skb);
}

static int ip_finish_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    return __ip_finish_output(net, sk, skb);
}

int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    struct net_device *dev = skb_dst(skb)->dev;

    skb->dev = dev;
    skb->protocol = htons(ETH_P_IP);
    return NF_HOOK_COND(NFPROTO_IPV4, NF_INET_POST_ROUTING, net, sk, skb, NULL, dev, ip_finish_output, true);
}

static int __ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    struct iphdr *iph = ip_hdr(skb);

    iph->tot_len = htons(skb->len);
    ip_send_check(iph);
    skb->protocol = htons(ETH_P_IP);
    return nf_hook(NFPROTO_IPV4, NF_INET_LOCAL_OUT, net, sk, skb, NULL, skb_dst(skb)->dev, dst_output);
}

int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    int err = __ip_local_out(net, sk, skb);
    if (err == 1)
        err = dst_output(net, sk, skb);
    return err;
}

int ip_generic_getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb)
{
    struct msghdr *msg = from;
    if (copy_from_user(to, (char *)msg->msg_buf + offset, len))
        return -EFAULT;
    return 0;
}

/*
 * Appends length bytes to the socket's pending frame: transhdrlen bytes of transport header
 * that the caller fills in later, then data from getfrag().
 */
int ip_append_data(struct sock *sk, struct flowi4 *fl4,
                   int (*getfrag)(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb),
                   void *from, int length, int transhdrlen, struct rtable *rt, unsigned int flags)
{
    struct sk_buff *skb;
    unsigned int hh_len = LL_RESERVED_SPACE;
    int err;

    if (length + sizeof(struct iphdr) > 0xFFFF)
        return -EMSGSIZE;
    if (!skb_queue_empty(&sk->sk_write_queue))
        return -EINVAL;                     /* MSG_MORE corking is not modelled */
    skb = alloc_skb(hh_len + sizeof(struct iphdr) + length, in_softirq() ? GFP_ATOMIC : GFP_KERNEL);
    if (!skb)
        return -ENOBUFS;
    skb_reserve(skb, hh_len);
    skb_reset_network_header(skb);
    skb_put(skb, sizeof(struct iphdr));
    skb_set_transport_header(skb, sizeof(struct iphdr));
    memset(skb_put(skb, transhdrlen), 0, transhdrlen);
    err = getfrag(from, skb_put(skb, length - transhdrlen), 0, length - transhdrlen, 0, skb);
    if (err) {
        kfree_skb(skb);
        return err;
    }
    skb->sk = sk;
    skb_dst_set(skb, &rt->dst);
    __skb_queue_tail(&sk->sk_write_queue, skb);
    return 0;
}

void ip_flush_pending_frames(struct sock *sk)
{
    struct sk_buff *skb;
    while ((skb = __skb_dequeue(&sk->sk_write_queue)) != NULL)
        kfree_skb(skb);
}

/* Combines the pending frame into one IP datagram (__ip_make_skb). */
static struct sk_buff *ip_finish_skb(struct sock *sk, struct flowi4 *fl4)
{
    struct sk_buff *skb = __skb_dequeue(&sk->sk_write_queue);
    struct iphdr *iph;

    if (!skb)
        return NULL;
    iph = ip_hdr(skb);
    iph->version_ihl = 0x45;
    iph->tos = 0;
    iph->frag_off = htons(IP_DF);
    iph->ttl = sk->uc_ttl ? sk->uc_ttl : IPDEFTTL;
    iph->protocol = sk->sk_protocol;
    iph->saddr = fl4->saddr;
    iph->daddr = fl4->daddr;
    ip_ident = ip_ident + 1;
    iph->id = htons(ip_ident);
    iph->tot_len = htons(skb->len);
    ip_send_check(iph);
    return skb;
}

int ip_send_skb(struct net *net, struct sk_buff *skb)
{
    int err = ip_local_out(net, skb->sk, skb);
    if (err > 0)
        err = 0;       /* net_xmit_errno() */
    return err;
}

int ip_push_pending_frames(struct sock *sk, struct flowi4 *fl4)
{
    struct sk_buff *skb = ip_finish_skb(sk, fl4);
    if (!skb)
        return 0;
    return ip_send_skb(&init_net, skb);
}
