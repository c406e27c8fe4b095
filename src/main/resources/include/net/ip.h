/* spinlab's model of <net/ip.h>: the IPv4 layer's entry points. */
#ifndef _SPINLAB_NET_IP_H
#define _SPINLAB_NET_IP_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>
#include <net/dst.h>
#include <net/sock.h>

struct flowi4 {
    __be32 daddr;
    __be32 saddr;
    __u8 proto;
};

int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt, struct net_device *orig_dev);
int ip_local_deliver(struct sk_buff *skb);
int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_send_skb(struct net *net, struct sk_buff *skb);
int ip_append_data(struct sock *sk, struct flowi4 *fl4,
                   int (*getfrag)(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb),
                   void *from, int length, int transhdrlen, struct rtable *rt, unsigned int flags);
int ip_generic_getfrag(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb);
int ip_push_pending_frames(struct sock *sk, struct flowi4 *fl4);
void ip_flush_pending_frames(struct sock *sk);
void ip_send_check(struct iphdr *iph);
__sum16 ip_compute_csum(const void *buff, int len);
__sum16 ip_fast_csum(const void *iph, unsigned int ihl);

/* raw sockets (net/ipv4/raw.c) */
int raw_local_deliver(struct sk_buff *skb, int protocol);

/* the protocol handlers of IPv4 (inet_protos[]) */
struct net_protocol {
    int (*handler)(struct sk_buff *skb);
};
int inet_add_protocol(const struct net_protocol *prot, unsigned char num);

#endif
