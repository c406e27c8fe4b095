/*
 * spinlab's model of net/core/dev.c: the device-independent core of the packet path.
 *
 * Receive: a driver hands a packet to netif_rx() (any context; it queues the packet on this
 * CPU's backlog and schedules the backlog NAPI, raising NET_RX_SOFTIRQ) or, from its NAPI
 * poll, to netif_receive_skb(). net_rx_action() runs on NET_RX_SOFTIRQ and polls the NAPI
 * instances on this CPU's poll list; process_backlog() is the backlog's poll. Protocol
 * delivery happens in __netif_receive_skb_core() (the 3.x-4.x shape, as in the first seed's
 * stack; newer kernels deliver the last match from __netif_receive_skb_one_core()).
 *
 * Transmit: dev_queue_xmit() runs the driver's ndo_start_xmit under rcu_read_lock_bh(); its
 * rcu_read_unlock_bh() is a local_bh_enable() that runs the softirqs the transmit raised, so
 * a packet sent through loopback is received inside the sender's dev_queue_xmit(). Devices
 * have no qdisc (as loopback's noqueue), so there is no NET_TX softirq work.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <net/net_namespace.h>
#include <net/dst.h>

#define XMIT_RECURSION_LIMIT 8

struct net init_net;
struct softnet_data softnet_data[NR_CPUS];
int netdev_max_backlog = 1000;
int netdev_budget = 300;
int weight_p = 64;
/* per CPU, in a word of its own (the kernel keeps it in per-CPU softnet_data.xmit.recursion) */
static long xmit_recursion[NR_CPUS];
static struct packet_type *ptype_base;
static int dev_index;

unsigned long __spinlab_test_and_set_bit(int nr, volatile unsigned long *addr);
void __spinlab_clear_bit(int nr, volatile unsigned long *addr);

/* ---- devices ---- */

struct net_device *alloc_netdev(int sizeof_priv, const char *name, void (*setup)(struct net_device *))
{
    struct net_device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
    if (!dev)
        return NULL;
    if (sizeof_priv)
        dev->priv = kzalloc(sizeof_priv, GFP_KERNEL);
    strncpy(dev->name, name, IFNAMSIZ - 1);
    setup(dev);
    return dev;
}

void free_netdev(struct net_device *dev)
{
    kfree(dev->priv);
    kfree(dev);
}

int register_netdev(struct net_device *dev)
{
    struct net_device **pp = &init_net.dev_base;
    dev_index = dev_index + 1;
    dev->ifindex = dev_index;
    spin_lock_init(&dev->txq._xmit_lock);
    dev->txq.xmit_lock_owner = -1;
    while (*pp)
        pp = &(*pp)->next;
    *pp = dev;
    /* dev_open(): the model brings every device up when it registers */
    if (dev->netdev_ops && dev->netdev_ops->ndo_open)
        dev->netdev_ops->ndo_open(dev);
    dev->flags |= IFF_UP | IFF_RUNNING;
    ip_rt_dev_up(dev);   /* NETDEV_UP: the kernel's fib notifier adds the device's routes */
    return 0;
}

struct net_device *dev_get_by_name(void *net, const char *name)
{
    struct net_device *dev;
    for (dev = init_net.dev_base; dev; dev = dev->next)
        if (strcmp(dev->name, name) == 0)
            return dev;
    return NULL;
}

void dev_add_pack(struct packet_type *pt)
{
    pt->next = ptype_base;
    ptype_base = pt;
}

/* ---- NAPI ---- */

static void ____napi_schedule(struct softnet_data *sd, struct napi_struct *napi)
{
    list_add_tail(&napi->poll_list, &sd->poll_list);
    __raise_softirq_irqoff(NET_RX_SOFTIRQ);
}

void netif_napi_add(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int))
{
    INIT_LIST_HEAD(&napi->poll_list);
    napi->poll = poll;
    napi->weight = NAPI_POLL_WEIGHT;
    napi->dev = dev;
    napi->state = 0;
}

void napi_enable(struct napi_struct *n)
{
    n->state = 0;
}

int napi_schedule_prep(struct napi_struct *n)
{
    return !__spinlab_test_and_set_bit(NAPI_STATE_SCHED, &n->state);
}

void __napi_schedule(struct napi_struct *n)
{
    unsigned long flags;
    local_irq_save(flags);
    ____napi_schedule(&softnet_data[smp_processor_id()], n);
    local_irq_restore(flags);
}

void napi_schedule(struct napi_struct *n)
{
    if (napi_schedule_prep(n))
        __napi_schedule(n);
}

int napi_complete_done(struct napi_struct *n, int work_done)
{
    __spinlab_clear_bit(NAPI_STATE_SCHED, &n->state);
    return 1;
}

/* ---- receive ---- */

static int enqueue_to_backlog(struct sk_buff *skb, int cpu, unsigned int *qtail)
{
    struct softnet_data *sd = &softnet_data[cpu];
    unsigned long flags;
    unsigned int qlen;

    local_irq_save(flags);
    if (!(skb->dev->flags & IFF_UP))
        goto drop;
    qlen = skb_queue_len(&sd->input_pkt_queue);
    if (qlen <= netdev_max_backlog) {
        if (qlen) {
enqueue:
            __skb_queue_tail(&sd->input_pkt_queue, skb);
            local_irq_restore(flags);
            return NET_RX_SUCCESS;
        }
        /* Schedule NAPI for the backlog device */
        if (!__spinlab_test_and_set_bit(NAPI_STATE_SCHED, &sd->backlog.state))
            ____napi_schedule(sd, &sd->backlog);
        goto enqueue;
    }
drop:
    sd->dropped++;
    local_irq_restore(flags);
    skb->dev->stats.rx_dropped++;
    kfree_skb(skb);
    return NET_RX_DROP;
}

static int netif_rx_internal(struct sk_buff *skb)
{
    unsigned int qtail;
    return enqueue_to_backlog(skb, smp_processor_id(), &qtail);
}

/* Only from hardirq or softirq context, or with bottom halves disabled. */
int __netif_rx(struct sk_buff *skb)
{
    return netif_rx_internal(skb);
}

/*
 * Any context (since 5.18): from process context with bottom halves enabled it disables
 * them around the enqueue, and the local_bh_enable() runs the NET_RX softirq right here.
 */
int netif_rx(struct sk_buff *skb)
{
    bool need_bh_off = !(hardirq_count() | softirq_count());
    int ret;

    if (need_bh_off)
        local_bh_disable();
    ret = netif_rx_internal(skb);
    if (need_bh_off)
        local_bh_enable();
    return ret;
}

static int __netif_receive_skb_core(struct sk_buff **pskb, bool pfmemalloc, struct packet_type **ppt_prev)
{
    struct sk_buff *skb = *pskb;
    struct packet_type *ptype;
    struct packet_type *pt_prev = NULL;
    struct net_device *orig_dev = skb->dev;
    int ret = NET_RX_DROP;

    skb_reset_network_header(skb);
    skb_reset_transport_header(skb);
    skb->skb_iif = skb->dev->ifindex;
    softnet_data[smp_processor_id()].processed++;

    for (ptype = ptype_base; ptype; ptype = ptype->next) {
        if (ptype->type == skb->protocol && (!ptype->dev || ptype->dev == skb->dev))
            pt_prev = ptype;
    }
    if (pt_prev) {
        ret = pt_prev->func(skb, skb->dev, pt_prev, orig_dev);
    } else {
        skb->dev->stats.rx_dropped++;
        kfree_skb(skb);
        ret = NET_RX_DROP;
    }
    *ppt_prev = pt_prev;
    return ret;
}

static int __netif_receive_skb_one_core(struct sk_buff *skb, bool pfmemalloc)
{
    struct packet_type *pt_prev = NULL;
    return __netif_receive_skb_core(&skb, pfmemalloc, &pt_prev);
}

static int __netif_receive_skb(struct sk_buff *skb)
{
    return __netif_receive_skb_one_core(skb, false);
}

/* From a driver's NAPI poll (softirq context). */
int netif_receive_skb(struct sk_buff *skb)
{
    int ret;
    rcu_read_lock();
    ret = __netif_receive_skb(skb);
    rcu_read_unlock();
    return ret;
}

/* The backlog's NAPI poll: drains what netif_rx() queued on this CPU. */
static int process_backlog(struct napi_struct *napi, int quota)
{
    struct softnet_data *sd = container_of(napi, struct softnet_data, backlog);
    bool again = true;
    int work = 0;

    napi->weight = weight_p;
    while (again) {
        struct sk_buff *skb;
        while ((skb = __skb_dequeue(&sd->process_queue)) != NULL) {
            rcu_read_lock();
            __netif_receive_skb(skb);
            rcu_read_unlock();
            if (++work >= quota)
                return work;
        }
        local_irq_disable();
        if (skb_queue_empty(&sd->input_pkt_queue)) {
            /* Inline a custom version of __napi_complete(): only the current CPU owns
             * and manipulates this napi, and no other CPU can enqueue to its backlog. */
            napi->state = 0;
            again = false;
        } else {
            skb_queue_splice_tail_init(&sd->input_pkt_queue, &sd->process_queue);
        }
        local_irq_enable();
    }
    return work;
}

static int napi_poll(struct napi_struct *n, struct list_head *repoll)
{
    int work = 0;
    int weight = n->weight;

    list_del_init(&n->poll_list);
    if (n->state & (1UL << NAPI_STATE_SCHED))
        work = n->poll(n, weight);
    if (work < weight)
        return work;
    /* the driver did not complete: poll it again */
    list_add_tail(&n->poll_list, repoll);
    return work;
}

static void list_splice_tail_init_(struct list_head *list, struct list_head *head)
{
    while (!list_empty(list)) {
        struct list_head *e = list->next;
        list_del_init(e);
        list_add_tail(e, head);
    }
}

static void net_rx_action(struct softirq_action *h)
{
    struct softnet_data *sd = &softnet_data[smp_processor_id()];
    unsigned long time_limit = jiffies + 2;
    int budget = netdev_budget;
    struct list_head list;
    struct list_head repoll;

    INIT_LIST_HEAD(&list);
    INIT_LIST_HEAD(&repoll);
    local_irq_disable();
    list_splice_tail_init_(&sd->poll_list, &list);
    local_irq_enable();

    for (;;) {
        struct napi_struct *n;
        if (list_empty(&list)) {
            if (list_empty(&repoll))
                return;
            break;
        }
        n = list_first_entry(&list, struct napi_struct, poll_list);
        budget -= napi_poll(n, &repoll);
        if (budget <= 0 || time_after_eq(jiffies, time_limit)) {
            sd->time_squeeze++;
            break;
        }
    }

    local_irq_disable();
    list_splice_tail_init_(&sd->poll_list, &list);
    list_splice_tail_init_(&repoll, &list);
    list_splice_tail_init_(&list, &sd->poll_list);
    if (!list_empty(&sd->poll_list))
        __raise_softirq_irqoff(NET_RX_SOFTIRQ);
    local_irq_enable();
}

/* ---- transmit ---- */

static int netdev_start_xmit(struct sk_buff *skb, struct net_device *dev, struct netdev_queue *txq, bool more)
{
    return dev->netdev_ops->ndo_start_xmit(skb, dev);
}

static int xmit_one(struct sk_buff *skb, struct net_device *dev, struct netdev_queue *txq, bool more)
{
    return netdev_start_xmit(skb, dev, txq, more);
}

static struct sk_buff *dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev,
                                           struct netdev_queue *txq, int *ret)
{
    int rc = xmit_one(skb, dev, txq, false);
    *ret = rc;
    return NULL;
}

static void HARD_TX_LOCK(struct net_device *dev, struct netdev_queue *txq, int cpu)
{
    if (!(dev->features & NETIF_F_LLTX)) {
        spin_lock(&txq->_xmit_lock);
        txq->xmit_lock_owner = cpu;
    }
}

static void HARD_TX_UNLOCK(struct net_device *dev, struct netdev_queue *txq)
{
    if (!(dev->features & NETIF_F_LLTX)) {
        txq->xmit_lock_owner = -1;
        spin_unlock(&txq->_xmit_lock);
    }
}

static int __dev_queue_xmit(struct sk_buff *skb, struct net_device *sb_dev)
{
    struct net_device *dev = skb->dev;
    struct netdev_queue *txq;
    int rc = -ENOMEM;

    skb_reset_mac_header(skb);

    /* Disable soft irqs for various locks below. Also stops preemption for RCU. */
    rcu_read_lock_bh();

    txq = &dev->txq;
    /* no qdisc (noqueue): the device is called directly */
    if (dev->flags & IFF_UP) {
        int cpu = smp_processor_id();
        if (txq->xmit_lock_owner != cpu) {
            if (xmit_recursion[cpu] > XMIT_RECURSION_LIMIT)
                goto recursion_alert;
            HARD_TX_LOCK(dev, txq, cpu);
            xmit_recursion[cpu]++;
            skb = dev_hard_start_xmit(skb, dev, txq, &rc);
            xmit_recursion[cpu]--;
            HARD_TX_UNLOCK(dev, txq);
            goto out;
        } else {
recursion_alert:
            printk(KERN_CRIT "Dead loop on virtual device %s, fix it urgently!\n", dev->name);
        }
    }
    rc = -ENETDOWN;
    rcu_read_unlock_bh();
    dev->stats.tx_dropped++;
    kfree_skb(skb);
    return rc;
out:
    rcu_read_unlock_bh();
    return rc;
}

int dev_queue_xmit(struct sk_buff *skb)
{
    return __dev_queue_xmit(skb, NULL);
}

/* subsys_initcall(net_dev_init) */
int net_dev_init(void)
{
    int cpu;
    for (cpu = 0; cpu < NR_CPUS; cpu++) {
        struct softnet_data *sd = &softnet_data[cpu];
        INIT_LIST_HEAD(&sd->poll_list);
        skb_queue_head_init(&sd->input_pkt_queue);
        skb_queue_head_init(&sd->process_queue);
        INIT_LIST_HEAD(&sd->backlog.poll_list);
        sd->backlog.poll = process_backlog;
        sd->backlog.weight = weight_p;
    }
    open_softirq(NET_RX_SOFTIRQ, net_rx_action);
    return 0;
}
