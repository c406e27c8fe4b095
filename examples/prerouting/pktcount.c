/*
 * pktcount: counts packets in a netfilter PRE_ROUTING hook under a spinlock, and lets user
 * space read the count through an ioctl on /dev/pktcount. Build variants (see README.md):
 *
 *   (default)          the ioctl and a LOCAL_OUT hook also take the lock, with spin_lock():
 *                      an interrupt on that CPU whose softirq reaches PRE_ROUTING spins on
 *                      a lock its own CPU holds -> soft lockup.
 *   -DUSE_BH           the process-context side takes it with spin_lock_bh(): safe.
 *   -DONLY_PREROUTING  only the PRE_ROUTING hook takes the lock (plain spin_lock) and prints
 *                      the preempt_count it runs with: safe, and the log shows why.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/skbuff.h>
#include <linux/ip.h>
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <net/net_namespace.h>

#define PKTCOUNT_GET _IOR('p', 1, unsigned long)

static DEFINE_SPINLOCK(count_lock);
static unsigned long rx_packets;     /* counted in PRE_ROUTING */
static unsigned long tx_packets;     /* counted in LOCAL_OUT */

#ifdef USE_BH
#define process_lock(l) spin_lock_bh(l)
#define process_unlock(l) spin_unlock_bh(l)
#else
#define process_lock(l) spin_lock(l)
#define process_unlock(l) spin_unlock(l)
#endif

static const char *context(void)
{
    if (in_hardirq())
        return "hardirq";
    if (in_serving_softirq())
        return "serving a softirq";
    if (in_softirq())
        return "process context, bottom halves disabled";
    return "process context, bottom halves enabled";
}

static unsigned int count_prerouting(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
    spin_lock(&count_lock);
    rx_packets++;
#ifdef ONLY_PREROUTING
    pr_info("pktcount: PRE_ROUTING packet %lu on %s, in %s: preempt_count %08x, %s\n", rx_packets,
            state->in->name, current->comm, preempt_count(), context());
#endif
    spin_unlock(&count_lock);
    return NF_ACCEPT;
}

#ifndef ONLY_PREROUTING
static unsigned int count_local_out(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
    process_lock(&count_lock);     /* the sender's context: bottom halves enabled */
    tx_packets++;
    process_unlock(&count_lock);
    return NF_ACCEPT;
}
#endif

static struct nf_hook_ops pktcount_ops[] = {
    {
        .hook = count_prerouting,
        .pf = NFPROTO_IPV4,
        .hooknum = NF_INET_PRE_ROUTING,
        .priority = NF_IP_PRI_FIRST,
    },
#ifndef ONLY_PREROUTING
    {
        .hook = count_local_out,
        .pf = NFPROTO_IPV4,
        .hooknum = NF_INET_LOCAL_OUT,
        .priority = NF_IP_PRI_FIRST,
    },
#endif
};

static long pktcount_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
    unsigned long v;
    if (cmd != PKTCOUNT_GET)
        return -ENOTTY;
#ifdef ONLY_PREROUTING
    v = READ_ONCE(rx_packets);      /* a racy but harmless read: the lock stays softirq-only */
#else
    process_lock(&count_lock);
    v = rx_packets;
    mdelay(1);                      /* "a consistent snapshot takes a while": 1 ms under the lock */
    process_unlock(&count_lock);
#endif
    if (copy_to_user((void __user *)arg, &v, sizeof(v)))
        return -EFAULT;
    return 0;
}

static const struct file_operations pktcount_fops = {
    .unlocked_ioctl = pktcount_ioctl,
};

static struct miscdevice pktcount_dev = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "pktcount",
    .fops = &pktcount_fops,
};

static int __init pktcount_init(void)
{
    int err = misc_register(&pktcount_dev);
    if (err)
        return err;
    err = nf_register_net_hooks(&init_net, pktcount_ops, ARRAY_SIZE(pktcount_ops));
    if (err) {
        misc_deregister(&pktcount_dev);
        return err;
    }
    pr_info("pktcount: %d hook(s) registered\n", (int)ARRAY_SIZE(pktcount_ops));
    return 0;
}

static void __exit pktcount_exit(void)
{
    nf_unregister_net_hooks(&init_net, pktcount_ops, ARRAY_SIZE(pktcount_ops));
    misc_deregister(&pktcount_dev);
}

module_init(pktcount_init);
module_exit(pktcount_exit);
MODULE_LICENSE("GPL");
