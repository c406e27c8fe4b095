/*
 * spinlab's model of net/core/sock.c and net/core/datagram.c: allocating sockets, queueing
 * received packets and waiting for them. The waiting is the kernel's shape of
 * __skb_wait_for_more_packets(): set the task state, publish the waiter, re-check the queue,
 * then schedule_timeout(); sk_data_ready() wakes the waiter after queueing. With one waiter
 * per socket the wait queue is a single task pointer.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <net/sock.h>

void sock_def_readable(struct sock *sk)
{
    struct task_struct *waiter = sk->sk_wq_task;
    if (waiter)
        wake_up_process(waiter);
}

struct sock *sk_alloc(int family, int type, int protocol, struct proto *prot)
{
    struct sock *sk = kzalloc(sizeof(*sk), GFP_KERNEL);
    if (!sk)
        return NULL;
    sk->sk_family = family;
    sk->sk_type = type;
    sk->sk_protocol = protocol;
    sk->sk_prot = prot;
    sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
    skb_queue_head_init(&sk->sk_receive_queue);
    skb_queue_head_init(&sk->sk_write_queue);
    spin_lock_init(&sk->sk_lock_slock);
    INIT_LIST_HEAD(&sk->sk_node);
    sk->sk_data_ready = sock_def_readable;
    return sk;
}

void sk_free(struct sock *sk)
{
    kfree(sk);
}

/* Softirq context: queue a packet for the socket's reader and wake it. */
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
    if (skb_queue_len(&sk->sk_receive_queue) >= 64) {
        sk->sk_drops++;
        return -ENOMEM;              /* sk_rcvbuf full */
    }
    skb->dev = NULL;
    skb->sk = sk;
    skb_queue_tail(&sk->sk_receive_queue, skb);
    sk->sk_data_ready(sk);
    return 0;
}

static int __skb_wait_for_more_packets(struct sock *sk, int *err, long *timeo_p)
{
    set_current_state(TASK_INTERRUPTIBLE);
    sk->sk_wq_task = current;
    if (!skb_queue_empty(&sk->sk_receive_queue)) {
        sk->sk_wq_task = NULL;
        __set_current_state(TASK_RUNNING);
        return 0;
    }
    *timeo_p = schedule_timeout(*timeo_p);
    sk->sk_wq_task = NULL;
    __set_current_state(TASK_RUNNING);
    return 0;
}

struct sk_buff *skb_recv_datagram(struct sock *sk, unsigned int flags, int *err)
{
    long timeo = (flags & MSG_DONTWAIT) ? 0 : sk->sk_rcvtimeo;
    struct sk_buff *skb;

    for (;;) {
        skb = skb_dequeue(&sk->sk_receive_queue);
        if (skb)
            return skb;
        if (!timeo) {
            *err = -EAGAIN;
            return NULL;
        }
        __skb_wait_for_more_packets(sk, err, &timeo);
    }
}
