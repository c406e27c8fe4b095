/*
 * spinlab's model of <linux/ip.h> (with uapi): the IPv4 header. The engine has no
 * bit-fields, so the first byte is one field, version_ihl (version << 4 | ihl), instead of
 * the kernel's ihl:4/version:4 pair; ip_hdrlen() and the IPH_* helpers read it.
 */
#ifndef _SPINLAB_LINUX_IP_H
#define _SPINLAB_LINUX_IP_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/skbuff.h>

#define IPVERSION 4
#define IPDEFTTL 64
#define IP_DF 0x4000

struct iphdr {
    __u8 version_ihl;
    __u8 tos;
    __be16 tot_len;
    __be16 id;
    __be16 frag_off;
    __u8 ttl;
    __u8 protocol;
    __sum16 check;
    __be32 saddr;
    __be32 daddr;
};

#define IPH_IHL(iph) ((iph)->version_ihl & 0x0f)
#define IPH_VERSION(iph) ((iph)->version_ihl >> 4)

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
    return (struct iphdr *)skb_network_header(skb);
}

static inline unsigned int ip_hdrlen(const struct sk_buff *skb)
{
    return IPH_IHL(ip_hdr(skb)) * 4;
}

#endif
