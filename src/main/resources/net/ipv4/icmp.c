/*
 * spinlab's model of net/ipv4/icmp.c: ICMP input, and the echo reply. The reply is sent
 * from softirq context through a per-CPU kernel socket, taken with icmp_xmit_lock()
 * (local_bh_disable + spin_trylock, as the kernel does), via ip_append_data and
 * ip_push_pending_frames: the same output path a user's raw socket uses.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/icmp.h>
#include <linux/ip.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/route.h>
#include <net/sock.h>

struct icmp_bxm {
    struct sk_buff *skb;
    int offset;
    int data_len;
    struct icmphdr icmph;
    int head_len;
};

static struct sock *icmp_sk[NR_CPUS];

static struct sock *icmp_xmit_lock(struct net *net)
{
    struct sock *sk = icmp_sk[smp_processor_id()];
    local_bh_disable();
    if (!spin_trylock(&sk->sk_lock_slock)) {
        /* This can happen if the output path signals a dst_link_failure() for an outgoing
         * ICMP packet. */
        local_bh_enable();
        return NULL;
    }
    return sk;
}

static void icmp_xmit_unlock(struct sock *sk)
{
    spin_unlock(&sk->sk_lock_slock);
    local_bh_enable();
}

/* Copies the echo data from the request (the kernel checksums as it copies). */
static int icmp_glue_bits(void *from, char *to, int offset, int len, int odd, struct sk_buff *skb)
{
    struct icmp_bxm *icmp_param = from;
    memcpy(to, icmp_param->skb->data + icmp_param->offset + offset, len);
    return 0;
}

static void icmp_push_reply(struct sock *sk, struct icmp_bxm *icmp_param, struct flowi4 *fl4, struct rtable *rt)
{
    struct sk_buff *skb;
    struct icmphdr *icmph;

    if (ip_append_data(sk, fl4, icmp_glue_bits, icmp_param, icmp_param->data_len + icmp_param->head_len,
                       icmp_param->head_len, rt, 0) < 0) {
        ip_flush_pending_frames(sk);
        return;
    }
    skb = sk->sk_write_queue.next;
    icmph = icmp_hdr(skb);
    memcpy(icmph, &icmp_param->icmph, icmp_param->head_len);
    icmph->checksum = 0;
    icmph->checksum = ip_compute_csum(icmph, icmp_param->head_len + icmp_param->data_len);
    ip_push_pending_frames(sk, fl4);
}

static void icmp_reply(struct icmp_bxm *icmp_param, struct sk_buff *skb)
{
    struct net *net = dev_net(skb->dev);
    struct iphdr *iph = ip_hdr(skb);
    struct flowi4 fl4;
    struct rtable *rt;
    struct sock *sk;

    sk = icmp_xmit_lock(net);
    if (!sk)
        return;
    fl4.daddr = iph->saddr;
    fl4.saddr = iph->daddr;
    fl4.proto = IPPROTO_ICMP;
    rt = ip_route_output(net, fl4.daddr, fl4.saddr);
    if (rt)
        icmp_push_reply(sk, icmp_param, &fl4, rt);
    icmp_xmit_unlock(sk);
}

static bool icmp_echo(struct sk_buff *skb)
{
    struct icmp_bxm icmp_param;

    icmp_param.icmph = *icmp_hdr(skb);
    icmp_param.icmph.type = ICMP_ECHOREPLY;
    icmp_param.skb = skb;
    icmp_param.offset = sizeof(struct icmphdr);
    icmp_param.data_len = skb->len - sizeof(struct icmphdr);
    icmp_param.head_len = sizeof(struct icmphdr);
    icmp_reply(&icmp_param, skb);
    return true;
}

/* Echo replies go to ping sockets (ping_rcv); the model has none, raw sockets got their copy. */
static bool ping_rcv(struct sk_buff *skb)
{
    return true;
}

/* Deal with incoming ICMP packets. */
int icmp_rcv(struct sk_buff *skb)
{
    struct icmphdr *icmph;

    if (skb->len < sizeof(struct icmphdr))
        goto drop;
    if (ip_compute_csum(skb->data, skb->len) != 0)
        goto drop;                   /* csum_error */
    icmph = icmp_hdr(skb);
    if (icmph->type == ICMP_ECHO)
        icmp_echo(skb);
    else if (icmph->type == ICMP_ECHOREPLY)
        ping_rcv(skb);
    consume_skb(skb);
    return NET_RX_SUCCESS;
drop:
    kfree_skb(skb);
    return NET_RX_DROP;
}

static struct proto icmp_prot = { .name = "ICMP" };

int icmp_init(void)
{
    int cpu;
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        struct sock *sk = sk_alloc(AF_INET, SOCK_RAW, IPPROTO_ICMP, &icmp_prot);
        if (!sk)
            return -ENOMEM;
        icmp_sk[cpu] = sk;
    }
    return 0;
}
