/* spinlab's model of lib/checksum.c: the Internet checksum (RFC 1071), 16-bit ones' complement. */
#include <linux/kernel.h>
#include <linux/byteorder.h>

static unsigned int do_csum(const unsigned char *buff, int len)
{
    unsigned long sum = 0;
    int i;
    /* the bytes are in network order; the sum is taken over big-endian 16-bit words */
    for (i = 0; i + 1 < len; i += 2)
        sum += (buff[i] << 8) | buff[i + 1];
    if (len & 1)
        sum += buff[len - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum;
}

/* The checksum to store in a header, in network byte order (0 when verifying a good one). */
__sum16 ip_compute_csum(const void *buff, int len)
{
    return htons((__u16)~do_csum(buff, len));
}

__sum16 ip_fast_csum(const void *iph, unsigned int ihl)
{
    return ip_compute_csum(iph, ihl * 4);
}
