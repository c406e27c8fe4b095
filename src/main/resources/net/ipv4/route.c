/*
 * spinlab's model of net/ipv4/route.c: a fixed routing table. Output: 127.0.0.0/8 and the
 * host's own addresses through lo (as the kernel's local table does), everything else
 * through eth0. Input: a packet for one of our addresses is delivered locally
 * (ip_local_deliver); anything else is dropped, the model does not forward.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/in.h>
#include <net/ip.h>
#include <net/route.h>

static struct rtable rt_local_input = { .dst = { .input = ip_local_deliver } };
/*
 * One output route per device, in the device's slot (its ifindex), made when the device comes
 * up (register_netdev), as the kernel adds a device's routes on NETDEV_UP (fib_netdev_event).
 * Lookups only read the table, so a route never changes under a packet being routed.
 */
#define RT_OUTPUT_SLOTS 8
static struct rtable rt_output[RT_OUTPUT_SLOTS];

void ip_rt_dev_up(struct net_device *dev)
{
    struct rtable *rt;
    if (dev->ifindex < 0 || dev->ifindex >= RT_OUTPUT_SLOTS)
        return;
    rt = &rt_output[dev->ifindex];
    rt->dst.output = ip_output;
    /* a route to a local address is RTN_LOCAL: the packet looped back keeps it as its input route */
    if (dev->flags & IFF_LOOPBACK)
        rt->dst.input = ip_local_deliver;
    rt->dst.dev = dev;
}

static struct rtable *rt_for_dev(struct net_device *dev)
{
    if (dev->ifindex < 0 || dev->ifindex >= RT_OUTPUT_SLOTS || rt_output[dev->ifindex].dst.dev != dev)
        return NULL;
    return &rt_output[dev->ifindex];
}

static bool inet_addr_local(struct net *net, __be32 addr)
{
    struct net_device *dev;
    if (ipv4_is_loopback(addr))
        return true;
    for (dev = net->dev_base; dev; dev = dev->next)
        if (dev->ip_addr == addr)
            return true;
    return false;
}

struct rtable *ip_route_output(struct net *net, __be32 daddr, __be32 saddr)
{
    struct net_device *dev;
    if (inet_addr_local(net, daddr))
        return rt_for_dev(net->loopback_dev);
    dev = dev_get_by_name(net, "eth0");
    if (!dev)
        return NULL;
    return rt_for_dev(dev);
}

int ip_route_input_noref(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos, struct net_device *dev)
{
    if (!inet_addr_local(dev_net(dev), daddr))
        return -EHOSTUNREACH;
    skb_dst_set(skb, &rt_local_input.dst);
    return 0;
}

/* The source address for a destination: the address of the outgoing device (lo: the
 * destination itself when it is a loopback address, as 127.0.0.1 answers 127.0.0.x). */
__be32 inet_select_addr(const struct net_device *dev, __be32 dst)
{
    if ((dev->flags & IFF_LOOPBACK) && ipv4_is_loopback(dst))
        return dst;
    return dev->ip_addr;
}
