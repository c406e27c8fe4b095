/*
 * spinlab's model of <net/dst.h> and <net/route.h>: routes. A dst_entry says where a packet
 * goes next: input (local delivery) for a received packet, output (ip_output) and the device
 * for a sent one. The routing table is fixed: 127.0.0.0/8 via lo, everything else via eth0;
 * a packet received for one of our addresses is delivered locally, others are dropped (no
 * forwarding).
 */
#ifndef _SPINLAB_NET_DST_H
#define _SPINLAB_NET_DST_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>

struct sock;

struct dst_entry {
    struct net_device *dev;
    int (*input)(struct sk_buff *skb);
    int (*output)(struct net *net, struct sock *sk, struct sk_buff *skb);
    __be32 gateway;
};

struct rtable {
    struct dst_entry dst;
};

static inline int dst_input(struct sk_buff *skb)
{
    return skb_dst(skb)->input(skb);
}

static inline int dst_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
    return skb_dst(skb)->output(net, sk, skb);
}

struct rtable *ip_route_output(struct net *net, __be32 daddr, __be32 saddr);
/* Adds the output route of a device that came up (net/ipv4/route.c). */
void ip_rt_dev_up(struct net_device *dev);
int ip_route_input_noref(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos, struct net_device *dev);
__be32 inet_select_addr(const struct net_device *dev, __be32 dst);

#endif
