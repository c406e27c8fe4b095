/* spinlab's model of <linux/icmp.h> (with uapi): ICMP headers. */
#ifndef _SPINLAB_LINUX_ICMP_H
#define _SPINLAB_LINUX_ICMP_H

#include <linux/types.h>
#include <linux/byteorder.h>
#include <linux/skbuff.h>

#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_ECHO 8
#define ICMP_TIME_EXCEEDED 11

struct icmphdr {
    __u8 type;
    __u8 code;
    __sum16 checksum;
    union {
        struct {
            __be16 id;
            __be16 sequence;
        } echo;
        __be32 gateway;
    } un;
};

static inline struct icmphdr *icmp_hdr(const struct sk_buff *skb)
{
    return (struct icmphdr *)skb_transport_header(skb);
}

#endif
