/*
 * spinlab's model of <net/sock.h>: the network-layer socket. A receiving task sleeps on the
 * socket (sk_wq_task) until sk_data_ready() wakes it: a one-waiter wait queue, enough for
 * one process per socket.
 */
#ifndef _SPINLAB_NET_SOCK_H
#define _SPINLAB_NET_SOCK_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/skbuff.h>
#include <linux/net.h>

struct sock;
struct task_struct;

struct proto {
    const char *name;
    void (*close)(struct sock *sk, long timeout);
    int (*sendmsg)(struct sock *sk, struct msghdr *msg, size_t len);
    int (*recvmsg)(struct sock *sk, struct msghdr *msg, size_t len, int flags, int *addr_len);
};

struct sock {
    unsigned short sk_family;
    unsigned short sk_type;
    int sk_protocol;
    struct proto *sk_prot;
    struct socket *sk_socket;
    struct sk_buff_head sk_receive_queue;
    struct sk_buff_head sk_write_queue;  /* ip_append_data()'s pending frames (the cork) */
    spinlock_t sk_lock_slock;            /* sk->sk_lock.slock */
    long sk_rcvtimeo;
    int sk_drops;
    struct task_struct *sk_wq_task;      /* the task sleeping in recvmsg, if any */
    void (*sk_data_ready)(struct sock *sk);
    struct list_head sk_node;            /* on the raw socket table */
    __be32 inet_saddr;
    __u8 uc_ttl;
};

struct sock *sk_alloc(int family, int type, int protocol, struct proto *prot);
void sk_free(struct sock *sk);
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int *err);
void sock_def_readable(struct sock *sk);

#endif
