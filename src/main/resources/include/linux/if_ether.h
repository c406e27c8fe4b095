/* spinlab's model of <linux/if_ether.h>: Ethernet frames. */
#ifndef _SPINLAB_LINUX_IF_ETHER_H
#define _SPINLAB_LINUX_IF_ETHER_H

#include <linux/types.h>
#include <linux/byteorder.h>

#define ETH_ALEN 6
#define ETH_HLEN 14
#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806

struct ethhdr {
    unsigned char h_dest[ETH_ALEN];
    unsigned char h_source[ETH_ALEN];
    __be16 h_proto;
};

#endif
