/* spinlab's model of <linux/in.h> (with uapi): IPv4 protocol numbers and socket addresses. */
#ifndef _SPINLAB_LINUX_IN_H
#define _SPINLAB_LINUX_IN_H

#include <linux/types.h>
#include <linux/byteorder.h>

#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_RAW 255

#define INADDR_ANY ((unsigned long int)0x00000000)
#define INADDR_LOOPBACK 0x7f000001

struct in_addr {
    __be32 s_addr;
};

struct sockaddr_in {
    unsigned short sin_family;
    __be16 sin_port;
    struct in_addr sin_addr;
    unsigned char __pad[8];
};

static inline bool ipv4_is_loopback(__be32 addr)
{
    return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

#endif
