/*
 * spinlab's model of net/ipv4/ip_input.c: receiving IPv4. ip_rcv() is the ETH_P_IP packet
 * handler, called from __netif_receive_skb_core() in NET_RX softirq context (or, for
 * loopback, in the sending task's local_bh_enable(), still serving the softirq).
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/rcupdate.h>
#include <linux/ip.h>
#include <net/ip.h>
#include <net/route.h>

extern const struct net_protocol *inet_protos[256];

static int ip_protocol_deliver_rcu(struct net *net, struct sk_buff *skb, int protocol)
{
    const struct net_protocol *ipprot;
    int raw = raw_local_deliver(skb, protocol);

    ipprot = rcu_dereference(inet_protos[protocol]);
    if (ipprot) {
        return ipprot->handler(skb);
    }
    if (!raw)
        skb->dev->stats.rx_dropped++;   /* icmp_send(ICMP_DEST_UNREACH, ICMP_PROT_UNREACH) in the kernel */
    kfree_skb(skb);
    return 0;
}

static int ip_local_deliver_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    skb_pull(skb, ip_hdrlen(skb));
    rcu_read_lock();
    ip_protocol_deliver_rcu(net, skb, ip_hdr(skb)->protocol);
    rcu_read_unlock();
    return 0;
}

/* Deliver IP packets to the higher protocol layers. */
int ip_local_deliver(struct sk_buff *skb)
{
    struct net *net = dev_net(skb->dev);
    /* (reassembly of fragments would be here: the model sends no fragments) */
    return NF_HOOK(NFPROTO_IPV4, NF_INET_LOCAL_IN, net, NULL, skb, skb->dev, NULL, ip_local_deliver_finish);
}

static int ip_rcv_finish_core(struct net *net, struct sock *sk, struct sk_buff *skb, struct net_device *dev)
{
    const struct iphdr *iph = ip_hdr(skb);
    if (!skb_dst(skb))
        return ip_route_input_noref(skb, iph->daddr, iph->saddr, iph->tos, dev);
    return 0;
}

static int ip_rcv_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    struct net_device *dev = skb->dev;
    int ret = ip_rcv_finish_core(net, sk, skb, dev);
    if (ret < 0) {
        kfree_skb(skb);
        return NET_RX_DROP;
    }
    return dst_input(skb);
}

/* Main IP receive routine: header checks. */
static struct sk_buff *ip_rcv_core(struct sk_buff *skb, struct net *net)
{
    const struct iphdr *iph;
    unsigned int len;

    if (skb->pkt_type == PACKET_OTHERHOST)
        goto drop;
    if (skb->len < sizeof(struct iphdr))
        goto drop;
    iph = ip_hdr(skb);
    if (IPH_IHL(iph) < 5 || IPH_VERSION(iph) != 4)
        goto drop;
    if (ip_fast_csum(iph, IPH_IHL(iph)) != 0)
        goto drop;
    len = ntohs(iph->tot_len);
    if (skb->len < len || len < IPH_IHL(iph) * 4)
        goto drop;
    skb_trim(skb, len);
    skb->transport_header = skb->network_header + IPH_IHL(iph) * 4;
    return skb;
drop:
    skb->dev->stats.rx_dropped++;
    kfree_skb(skb);
    return NULL;
}

int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt, struct net_device *orig_dev)
{
    struct net *net = dev_net(dev);

    skb = ip_rcv_core(skb, net);
    if (skb == NULL)
        return NET_RX_DROP;
    return NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, net, NULL, skb, dev, NULL, ip_rcv_finish);
}
