/*
 * spinlab's model of <net/net_namespace.h>: one network namespace, init_net, holding the
 * device list and the netfilter hook lists.
 */
#ifndef _SPINLAB_NET_NET_NAMESPACE_H
#define _SPINLAB_NET_NET_NAMESPACE_H

#include <linux/types.h>

struct net_device;
struct nf_hook_entries;

#define NF_INET_NUMHOOKS 5

struct netns_nf {
    struct nf_hook_entries *hooks_ipv4[NF_INET_NUMHOOKS];
};

struct net {
    struct net_device *dev_base;
    struct net_device *loopback_dev;
    struct netns_nf nf;
};

extern struct net init_net;

static inline struct net *dev_net(const struct net_device *dev)
{
    return &init_net;
}

#endif
