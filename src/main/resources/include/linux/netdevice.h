/*
 * spinlab's model of <linux/netdevice.h>: network devices, NAPI and the per-CPU softnet_data
 * with its backlog, as net/core/dev.c uses them. Devices have no qdisc (IFF_NO_QUEUE, like
 * loopback): dev_queue_xmit() hands a packet straight to ndo_start_xmit under
 * rcu_read_lock_bh(), taking the queue's xmit lock unless the device is NETIF_F_LLTX.
 */
#ifndef _SPINLAB_LINUX_NETDEVICE_H
#define _SPINLAB_LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/skbuff.h>
#include <linux/interrupt.h>
#include <linux/smp.h>

#define IFNAMSIZ 16
#define ETH_ALEN 6
#define ETH_HLEN 14

#define IFF_UP 0x1
#define IFF_BROADCAST 0x2
#define IFF_LOOPBACK 0x8
#define IFF_RUNNING 0x40
#define IFF_NOARP 0x80

#define NETIF_F_LLTX 0x1000       /* no xmit lock: the driver is lockless */

#define NET_RX_SUCCESS 0
#define NET_RX_DROP 1

enum netdev_tx {
    NETDEV_TX_OK = 0x00,
    NETDEV_TX_BUSY = 0x10
};
typedef enum netdev_tx netdev_tx_t;

#define NAPI_POLL_WEIGHT 64
#define NAPI_STATE_SCHED 0

struct net_device;

struct net_device_stats {
    unsigned long rx_packets;
    unsigned long tx_packets;
    unsigned long rx_bytes;
    unsigned long tx_bytes;
    unsigned long rx_dropped;
    unsigned long tx_dropped;
};

struct net_device_ops {
    int (*ndo_open)(struct net_device *dev);
    int (*ndo_stop)(struct net_device *dev);
    netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
};

struct netdev_queue {
    spinlock_t _xmit_lock;
    int xmit_lock_owner;
};

struct napi_struct {
    struct list_head poll_list;
    unsigned long state;
    int weight;
    int (*poll)(struct napi_struct *, int);
    struct net_device *dev;
};

struct net_device {
    char name[IFNAMSIZ];
    int ifindex;
    unsigned int flags;
    unsigned long features;
    unsigned int mtu;
    unsigned short hard_header_len;
    unsigned char dev_addr[ETH_ALEN];
    __be32 ip_addr;               /* the device's IPv4 address (in_device's ifa_local) */
    __be32 ip_mask;
    const struct net_device_ops *netdev_ops;
    struct netdev_queue txq;
    struct net_device_stats stats;
    int xmit_recursion;
    struct net_device *next;      /* the namespace's device list */
    void *priv;
};

/* Per-CPU receive state (net/core/dev.c's softnet_data). */
struct softnet_data {
    struct list_head poll_list;           /* NAPI instances with work, run by net_rx_action */
    struct sk_buff_head process_queue;
    struct sk_buff_head input_pkt_queue;  /* the backlog netif_rx() fills */
    struct napi_struct backlog;
    unsigned int processed;
    unsigned int dropped;
    unsigned int time_squeeze;
};

extern struct softnet_data softnet_data[NR_CPUS];
extern int netdev_max_backlog;
extern int netdev_budget;

static inline void *netdev_priv(const struct net_device *dev)
{
    return dev->priv;
}

struct net_device *alloc_netdev(int sizeof_priv, const char *name, void (*setup)(struct net_device *));
void ether_setup(struct net_device *dev);
int register_netdev(struct net_device *dev);
void free_netdev(struct net_device *dev);
struct net_device *dev_get_by_name(void *net, const char *name);

int netif_rx(struct sk_buff *skb);
int __netif_rx(struct sk_buff *skb);
/* The pre-5.18 name for process context; now netif_rx() itself is safe in any context. */
static inline int netif_rx_ni(struct sk_buff *skb)
{
    return netif_rx(skb);
}
int netif_receive_skb(struct sk_buff *skb);
int dev_queue_xmit(struct sk_buff *skb);

void netif_napi_add(struct net_device *dev, struct napi_struct *napi, int (*poll)(struct napi_struct *, int));
int napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
void napi_schedule(struct napi_struct *n);
int napi_complete_done(struct napi_struct *n, int work_done);
#define napi_complete(n) napi_complete_done((n), 0)
void napi_enable(struct napi_struct *n);

__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);

/* A packet handler of a protocol (ETH_P_IP: ip_rcv), as in dev_add_pack(). */
struct packet_type {
    __be16 type;
    struct net_device *dev;
    int (*func)(struct sk_buff *, struct net_device *, struct packet_type *, struct net_device *);
    struct packet_type *next;
};
void dev_add_pack(struct packet_type *pt);

#endif
