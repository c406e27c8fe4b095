/* spinlab's model of <net/icmp.h>. */
#ifndef _SPINLAB_NET_ICMP_H
#define _SPINLAB_NET_ICMP_H
#include <linux/icmp.h>
int icmp_rcv(struct sk_buff *skb);
#endif
