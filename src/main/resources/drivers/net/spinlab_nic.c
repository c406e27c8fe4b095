/*
 * The driver of spinlab's model NIC, eth0 (10.0.0.1/24; its peer on the wire is 10.0.0.2,
 * 02:00:00:00:00:02). The "hardware" is the struct spinlab_nic_hw below: a receive ring
 * that the machine fills as a NIC's DMA would (spinlab run --rx N: N ICMP echo requests
 * from 10.0.0.2 at seeded moments), then raises SPINLAB_NIC_IRQ on some CPU. The interrupt
 * handler only schedules NAPI; the poll, in NET_RX softirq context, turns ring slots into
 * skbs and hands them to netif_receive_skb(). Transmitting hands the frame to the wire
 * (__spinlab_nic_tx, which spinlab logs as tcpdump would).
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/string.h>
#include <linux/in.h>

#define SPINLAB_NIC_IRQ 19
#define NIC_RING 16
#define NIC_BUF 256

/* Layout known to the machine (Simulation.java): keep the two in step. */
struct spinlab_nic_hw {
    unsigned int rx_head;                    /* slots filled by the device */
    unsigned int rx_tail;                    /* slots consumed by the driver */
    unsigned int rx_len[NIC_RING];
    unsigned char rx_buf[NIC_RING][NIC_BUF];
};

struct spinlab_nic_hw spinlab_nic_hw;

/* The wire: the machine takes the frame (intrinsic). */
void __spinlab_nic_tx(const void *frame, unsigned int len);

struct nic_priv {
    struct napi_struct napi;
    struct net_device *dev;
};

static irqreturn_t nic_interrupt(int irq, void *dev_id)
{
    struct net_device *dev = dev_id;
    struct nic_priv *priv = netdev_priv(dev);

    /* the device masks its rx interrupt until the poll completes */
    napi_schedule(&priv->napi);
    return IRQ_HANDLED;
}

static int nic_poll(struct napi_struct *napi, int budget)
{
    struct nic_priv *priv = container_of(napi, struct nic_priv, napi);
    struct net_device *dev = priv->dev;
    struct spinlab_nic_hw *hw = &spinlab_nic_hw;
    int work = 0;

    while (work < budget && hw->rx_tail != hw->rx_head) {
        unsigned int slot = hw->rx_tail % NIC_RING;
        unsigned int len = hw->rx_len[slot];
        struct sk_buff *skb = alloc_skb(len + 2, GFP_ATOMIC);   /* netdev_alloc_skb_ip_align */
        if (!skb) {
            dev->stats.rx_dropped++;
            break;
        }
        skb_reserve(skb, 2);
        memcpy(skb_put(skb, len), hw->rx_buf[slot], len);
        hw->rx_tail = hw->rx_tail + 1;
        skb->protocol = eth_type_trans(skb, dev);
        dev->stats.rx_packets++;
        dev->stats.rx_bytes += len;
        netif_receive_skb(skb);       /* napi_gro_receive() in a real driver */
        work++;
    }
    if (work < budget) {
        napi_complete_done(napi, work);
        /* re-enabling the rx interrupt fires it again if the ring filled meanwhile */
        if (hw->rx_tail != hw->rx_head)
            napi_schedule(napi);
    }
    return work;
}

static netdev_tx_t nic_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
    __spinlab_nic_tx(skb->data, skb->len);
    dev->stats.tx_packets++;
    dev->stats.tx_bytes += skb->len;
    dev_kfree_skb_any(skb);       /* the model's transmit completes at once */
    return NETDEV_TX_OK;
}

static const struct net_device_ops nic_ops = {
    .ndo_start_xmit = nic_start_xmit,
};

int spinlab_nic_init(void)
{
    struct net_device *dev = alloc_netdev(sizeof(struct nic_priv), "eth0", ether_setup);
    struct nic_priv *priv;
    int err;

    if (!dev)
        return -ENOMEM;
    priv = netdev_priv(dev);
    priv->dev = dev;
    dev->netdev_ops = &nic_ops;
    dev->dev_addr[0] = 0x02;
    dev->dev_addr[5] = 0x01;
    dev->ip_addr = htonl(0x0a000001);
    dev->ip_mask = htonl(0xffffff00);
    netif_napi_add(dev, &priv->napi, nic_poll);
    register_netdev(dev);
    err = request_irq(SPINLAB_NIC_IRQ, nic_interrupt, 0, "eth0", dev);
    if (err)
        return err;
    printk(KERN_INFO "eth0: spinlab model NIC at irq %d, 02:00:00:00:00:01, 10.0.0.1/24\n", SPINLAB_NIC_IRQ);
    return 0;
}
