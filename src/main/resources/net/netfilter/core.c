/*
 * spinlab's model of net/netfilter/core.c: hook registration and traversal. Each hook point
 * of init_net has an array of entries sorted by ascending priority; registering builds a new
 * array and publishes it with rcu_assign_pointer(), so packets in flight on other CPUs keep
 * the old one (the model has no grace periods, so old arrays are simply not freed).
 */
#include <linux/kernel.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct nf_hook_entries **nf_hook_entry_head(struct net *net, int pf, unsigned int hooknum)
{
    if ((pf != NFPROTO_IPV4 && pf != NFPROTO_INET) || hooknum >= NF_INET_NUMHOOKS)
        return NULL;
    return &net->nf.hooks_ipv4[hooknum];
}

int nf_register_net_hook(struct net *net, const struct nf_hook_ops *reg)
{
    struct nf_hook_entries **pp = nf_hook_entry_head(net, reg->pf, reg->hooknum);
    struct nf_hook_entries *old;
    struct nf_hook_entries *new;
    int i;
    int j = 0;
    bool inserted = false;

    if (!pp || !reg->hook)
        return -EINVAL;
    old = *pp;
    if (old && old->num_hook_entries >= NF_MAX_HOOKS)
        return -E2BIG;
    new = kzalloc(sizeof(*new), GFP_KERNEL);
    if (!new)
        return -ENOMEM;
    for (i = 0; old && i < old->num_hook_entries; i++) {
        if (!inserted && reg->priority <= old->orig_ops[i]->priority) {
            new->hooks[j].hook = reg->hook;
            new->hooks[j].priv = reg->priv;
            new->orig_ops[j] = reg;
            j++;
            inserted = true;
        }
        new->hooks[j] = old->hooks[i];
        new->orig_ops[j] = old->orig_ops[i];
        j++;
    }
    if (!inserted) {
        new->hooks[j].hook = reg->hook;
        new->hooks[j].priv = reg->priv;
        new->orig_ops[j] = reg;
        j++;
    }
    new->num_hook_entries = j;
    rcu_assign_pointer(*pp, new);
    return 0;
}

void nf_unregister_net_hook(struct net *net, const struct nf_hook_ops *reg)
{
    struct nf_hook_entries **pp = nf_hook_entry_head(net, reg->pf, reg->hooknum);
    struct nf_hook_entries *old;
    struct nf_hook_entries *new;
    int i;
    int j = 0;

    if (!pp || !*pp)
        return;
    old = *pp;
    new = kzalloc(sizeof(*new), GFP_KERNEL);
    for (i = 0; i < old->num_hook_entries; i++) {
        if (old->orig_ops[i] == reg)
            continue;
        new->hooks[j] = old->hooks[i];
        new->orig_ops[j] = old->orig_ops[i];
        j++;
    }
    if (j == old->num_hook_entries)
        WARN(1, "hook not found, pf %d num %d", reg->pf, reg->hooknum);
    new->num_hook_entries = j;
    rcu_assign_pointer(*pp, j ? new : NULL);
    synchronize_net();
}

int nf_register_net_hooks(struct net *net, const struct nf_hook_ops *reg, unsigned int n)
{
    unsigned int i;
    int err;
    for (i = 0; i < n; i++) {
        err = nf_register_net_hook(net, &reg[i]);
        if (err) {
            while (i-- > 0)
                nf_unregister_net_hook(net, &reg[i]);
            return err;
        }
    }
    return 0;
}

void nf_unregister_net_hooks(struct net *net, const struct nf_hook_ops *reg, unsigned int n)
{
    unsigned int i;
    for (i = 0; i < n; i++)
        nf_unregister_net_hook(net, &reg[i]);
}

/* Returns 1 if the hook has allowed the packet to pass. Caller must hold rcu_read_lock. */
int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state, const struct nf_hook_entries *e, unsigned int s)
{
    unsigned int verdict;
    int ret;

    for (; s < e->num_hook_entries; s++) {
        verdict = e->hooks[s].hook(e->hooks[s].priv, skb, state);
        switch (verdict & NF_VERDICT_MASK) {
        case NF_ACCEPT:
            break;
        case NF_DROP:
            kfree_skb(skb);
            ret = -(int)(verdict >> 16);
            if (ret == 0)
                ret = -EPERM;
            return ret;
        case NF_STOLEN:
            return 0;
        case NF_QUEUE:
            /* no queue handler is registered in the model: drop, as nf_queue() does */
            kfree_skb(skb);
            return -ESRCH;
        default:
            WARN_ON_ONCE(1);
            return 0;
        }
    }
    return 1;
}

int nf_hook(u8 pf, unsigned int hook, struct net *net, struct sock *sk, struct sk_buff *skb,
            struct net_device *indev, struct net_device *outdev,
            int (*okfn)(struct net *, struct sock *, struct sk_buff *))
{
    struct nf_hook_entries **pp = nf_hook_entry_head(net, pf, hook);
    struct nf_hook_entries *hook_head;
    struct nf_hook_state state;
    int ret = 1;

    if (!pp)
        return 1;
    rcu_read_lock();
    hook_head = rcu_dereference(*pp);
    if (hook_head) {
        state.hook = hook;
        state.pf = pf;
        state.in = indev;
        state.out = outdev;
        state.sk = sk;
        state.net = net;
        state.okfn = okfn;
        ret = nf_hook_slow(skb, &state, hook_head, 0);
    }
    rcu_read_unlock();
    return ret;
}

/* An inline function in the kernel; here a frame of its own in stack dumps. */
int NF_HOOK(u8 pf, unsigned int hook, struct net *net, struct sock *sk, struct sk_buff *skb,
            struct net_device *in, struct net_device *out,
            int (*okfn)(struct net *, struct sock *, struct sk_buff *))
{
    int ret = nf_hook(pf, hook, net, sk, skb, in, out, okfn);
    if (ret == 1)
        ret = okfn(net, sk, skb);
    return ret;
}

int NF_HOOK_COND(u8 pf, unsigned int hook, struct net *net, struct sock *sk, struct sk_buff *skb,
                 struct net_device *in, struct net_device *out,
                 int (*okfn)(struct net *, struct sock *, struct sk_buff *), bool cond)
{
    int ret;
    if (!cond || ((ret = nf_hook(pf, hook, net, sk, skb, in, out, okfn)) == 1))
        ret = okfn(net, sk, skb);
    return ret;
}
