/* spinlab's model of the kernel's byte-order helpers (<asm/byteorder.h>): the machine is little-endian. */
#ifndef _SPINLAB_LINUX_BYTEORDER_H
#define _SPINLAB_LINUX_BYTEORDER_H

#include <linux/types.h>

typedef __u16 __be16;
typedef __u32 __be32;
typedef __u16 __le16;
typedef __u32 __le32;
typedef __u16 __sum16;
typedef __u32 __wsum;

static inline __u16 __swab16(__u16 x)
{
    return (__u16)(((x & 0xff) << 8) | ((x >> 8) & 0xff));
}

static inline __u32 __swab32(__u32 x)
{
    return ((x & 0xffU) << 24) | ((x & 0xff00U) << 8) | ((x >> 8) & 0xff00U) | ((x >> 24) & 0xffU);
}

#define htons(x) __swab16(x)
#define ntohs(x) __swab16(x)
#define htonl(x) __swab32(x)
#define ntohl(x) __swab32(x)
#define cpu_to_be16(x) __swab16(x)
#define be16_to_cpu(x) __swab16(x)
#define cpu_to_be32(x) __swab32(x)
#define be32_to_cpu(x) __swab32(x)

#endif
