/* spinlab's model of net/ethernet/eth.c: Ethernet framing. */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/string.h>

void ether_setup(struct net_device *dev)
{
    dev->hard_header_len = ETH_HLEN;
    dev->mtu = 1500;
    dev->flags = IFF_BROADCAST;
}

/* Determines the packet's protocol ID and type; pulls the Ethernet header. */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
    struct ethhdr *eth;
    skb->dev = dev;
    skb_reset_mac_header(skb);
    eth = (struct ethhdr *)skb->data;
    skb_pull(skb, ETH_HLEN);
    if (eth->h_dest[0] & 1)
        skb->pkt_type = PACKET_BROADCAST;
    else if (memcmp(eth->h_dest, dev->dev_addr, ETH_ALEN) != 0)
        skb->pkt_type = PACKET_OTHERHOST;
    else
        skb->pkt_type = PACKET_HOST;
    return eth->h_proto;
}
