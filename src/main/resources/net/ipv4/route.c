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
static struct rtable rt_output[8];
static int nr_rt_output;

static struct rtable *rt_for_dev(struct net_device *dev)
{
    int i;
    for (i = 0; i < nr_rt_output; i++)
        if (rt_output[i].dst.dev == dev)
            return &rt_output[i];
    if (nr_rt_output == 8)
        return NULL;
    rt_output[nr_rt_output].dst.dev = dev;
    rt_output[nr_rt_output].dst.output = ip_output;
    /* a route to a local address is RTN_LOCAL: the packet looped back keeps it as its input route */
    if (dev->flags & IFF_LOOPBACK)
        rt_output[nr_rt_output].dst.input = ip_local_deliver;
    nr_rt_output++;
    return &rt_output[nr_rt_output - 1];
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
