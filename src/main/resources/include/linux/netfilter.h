/*
 * spinlab's model of <linux/netfilter.h>: hooks on the packet path. A hook is called where
 * the packet is, in whatever context that is: PRE_ROUTING and LOCAL_IN in the NET_RX softirq
 * (or the sender's local_bh_enable() for loopback traffic), LOCAL_OUT and POST_ROUTING in the
 * sender's own context, bottom halves still enabled. Hooks run in ascending priority order.
 * NF_HOOK() and nf_hook() are functions here (inline in the kernel), so they show in stacks.
 */
#ifndef _SPINLAB_LINUX_NETFILTER_H
#define _SPINLAB_LINUX_NETFILTER_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <net/net_namespace.h>

/* verdicts */
#define NF_DROP 0
#define NF_ACCEPT 1
#define NF_STOLEN 2
#define NF_QUEUE 3
#define NF_REPEAT 4
#define NF_STOP 5
#define NF_MAX_VERDICT NF_STOP
#define NF_VERDICT_MASK 0x0000ffff

enum nf_inet_hooks {
    NF_INET_PRE_ROUTING,
    NF_INET_LOCAL_IN,
    NF_INET_FORWARD,
    NF_INET_LOCAL_OUT,
    NF_INET_POST_ROUTING
};

enum {
    NFPROTO_UNSPEC = 0,
    NFPROTO_INET = 1,
    NFPROTO_IPV4 = 2,
    NFPROTO_ARP = 3,
    NFPROTO_NETDEV = 5,
    NFPROTO_BRIDGE = 7,
    NFPROTO_IPV6 = 10,
    NFPROTO_NUMPROTO
};

struct sock;

struct nf_hook_state {
    u8 hook;
    u8 pf;
    struct net_device *in;
    struct net_device *out;
    struct sock *sk;
    struct net *net;
    int (*okfn)(struct net *, struct sock *, struct sk_buff *);
};

typedef unsigned int nf_hookfn(void *priv, struct sk_buff *skb, const struct nf_hook_state *state);

struct nf_hook_ops {
    nf_hookfn *hook;
    struct net_device *dev;
    void *priv;
    u8 pf;
    unsigned int hooknum;
    int priority;
};

struct nf_hook_entry {
    nf_hookfn *hook;
    void *priv;
};

#define NF_MAX_HOOKS 16

struct nf_hook_entries {
    u16 num_hook_entries;
    struct nf_hook_entry hooks[NF_MAX_HOOKS];
    const struct nf_hook_ops *orig_ops[NF_MAX_HOOKS];
};

int nf_register_net_hook(struct net *net, const struct nf_hook_ops *ops);
void nf_unregister_net_hook(struct net *net, const struct nf_hook_ops *ops);
int nf_register_net_hooks(struct net *net, const struct nf_hook_ops *reg, unsigned int n);
void nf_unregister_net_hooks(struct net *net, const struct nf_hook_ops *reg, unsigned int n);

int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state, const struct nf_hook_entries *e, unsigned int i);

int nf_hook(u8 pf, unsigned int hook, struct net *net, struct sock *sk, struct sk_buff *skb,
            struct net_device *indev, struct net_device *outdev,
            int (*okfn)(struct net *, struct sock *, struct sk_buff *));

int NF_HOOK(u8 pf, unsigned int hook, struct net *net, struct sock *sk, struct sk_buff *skb,
            struct net_device *in, struct net_device *out,
            int (*okfn)(struct net *, struct sock *, struct sk_buff *));

int NF_HOOK_COND(u8 pf, unsigned int hook, struct net *net, struct sock *sk, struct sk_buff *skb,
                 struct net_device *in, struct net_device *out,
                 int (*okfn)(struct net *, struct sock *, struct sk_buff *), bool cond);

#endif
