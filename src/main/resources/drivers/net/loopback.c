/*
 * spinlab's model of drivers/net/loopback.c: the loopback device "lo". Its transmit is a
 * receive: loopback_xmit() hands the packet to netif_rx(), which queues it on this CPU's
 * backlog and raises NET_RX_SOFTIRQ. It is called with bottom halves disabled (inside
 * dev_queue_xmit), so the softirq runs at that function's rcu_read_unlock_bh(), in the
 * sender's context. Lockless (NETIF_F_LLTX), no queue.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/in.h>
#include <net/net_namespace.h>

/* The higher levels take care of making this non-reentrant (it's called with bh's disabled). */
static netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
    int len;

    skb_orphan(skb);
    skb->protocol = eth_type_trans(skb, dev);
    len = skb->len;
    if (netif_rx(skb) == NET_RX_SUCCESS) {
        dev->stats.tx_packets++;
        dev->stats.tx_bytes += len;
        dev->stats.rx_packets++;
        dev->stats.rx_bytes += len;
    }
    return NETDEV_TX_OK;
}

static const struct net_device_ops loopback_ops = {
    .ndo_start_xmit = loopback_xmit,
};

static void loopback_setup(struct net_device *dev)
{
    dev->mtu = 65536;
    dev->hard_header_len = ETH_HLEN;
    dev->flags = IFF_LOOPBACK;
    dev->features = NETIF_F_LLTX;
    dev->netdev_ops = &loopback_ops;
}

/* Setup and register the loopback device (loopback_net_init, a pernet init). */
int loopback_net_init(void)
{
    struct net_device *dev = alloc_netdev(0, "lo", loopback_setup);
    if (!dev)
        return -ENOMEM;
    dev->ip_addr = htonl(INADDR_LOOPBACK);
    dev->ip_mask = htonl(0xff000000);
    register_netdev(dev);
    init_net.loopback_dev = dev;
    return 0;
}
