/*
 * spinlab's model of <netinet/ip.h>: the IPv4 header. The engine has no bit-fields, so the
 * first byte is one field, version_ihl (version << 4 | ihl), instead of glibc's ihl:4 and
 * version:4; IPH_IHL()/IPH_VERSION() read it.
 */
#ifndef _SPINLAB_NETINET_IP_H
#define _SPINLAB_NETINET_IP_H

#include <stdint.h>
#include <netinet/in.h>

#define IPVERSION 4
#define IPDEFTTL 64

struct iphdr {
    uint8_t version_ihl;
    uint8_t tos;
    uint16_t tot_len;
    uint16_t id;
    uint16_t frag_off;
    uint8_t ttl;
    uint8_t protocol;
    uint16_t check;
    uint32_t saddr;
    uint32_t daddr;
};

#define IPH_IHL(iph) ((iph)->version_ihl & 0x0f)
#define IPH_VERSION(iph) ((iph)->version_ihl >> 4)

#endif
