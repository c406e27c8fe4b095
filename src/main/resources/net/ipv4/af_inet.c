/*
 * spinlab's model of net/ipv4/af_inet.c: the PF_INET family. Only raw sockets exist
 * (SOCK_RAW, any protocol; ping uses IPPROTO_ICMP); stream and datagram sockets are refused.
 */
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/net.h>
#include <linux/in.h>
#include <linux/printk.h>
#include <net/ip.h>
#include <net/icmp.h>
#include <net/sock.h>

extern struct proto raw_prot;
void raw_hash_sk(struct sock *sk);
int icmp_init(void);

const struct net_protocol *inet_protos[256];

int inet_add_protocol(const struct net_protocol *prot, unsigned char num)
{
    if (inet_protos[num])
        return -1;
    inet_protos[num] = prot;
    return 0;
}

static int inet_release(struct socket *sock)
{
    struct sock *sk = sock->sk;
    if (sk) {
        sock->sk = NULL;
        sk->sk_prot->close(sk, 0);
    }
    return 0;
}

static int inet_sendmsg(struct socket *sock, struct msghdr *msg, size_t size)
{
    struct sock *sk = sock->sk;
    return sk->sk_prot->sendmsg(sk, msg, size);
}

static int inet_recvmsg(struct socket *sock, struct msghdr *msg, size_t size, int flags)
{
    struct sock *sk = sock->sk;
    int addr_len = 0;
    int err = sk->sk_prot->recvmsg(sk, msg, size, flags, &addr_len);
    if (err >= 0)
        msg->msg_namelen = addr_len;
    return err;
}

static const struct proto_ops inet_sockraw_ops = {
    .family = PF_INET,
    .release = inet_release,
    .sendmsg = inet_sendmsg,
    .recvmsg = inet_recvmsg,
};

int inet_create(struct net *net, struct socket *sock, int protocol)
{
    struct sock *sk;
    if (sock->type != SOCK_RAW)
        return -ESOCKTNOSUPPORT;   /* the model has raw sockets only */
    if (protocol <= 0 || protocol > 255)
        return -EPROTONOSUPPORT;
    sk = sk_alloc(PF_INET, sock->type, protocol, &raw_prot);
    if (!sk)
        return -ENOBUFS;
    sock->ops = &inet_sockraw_ops;
    sock->sk = sk;
    sk->sk_socket = sock;
    raw_hash_sk(sk);
    return 0;
}

static struct packet_type ip_packet_type = {
    .type = 0x0008,            /* cpu_to_be16(ETH_P_IP) on a little-endian machine */
    .func = ip_rcv,
};

static const struct net_protocol icmp_protocol = {
    .handler = icmp_rcv,
};

/* fs_initcall(inet_init) */
int inet_init(void)
{
    inet_add_protocol(&icmp_protocol, IPPROTO_ICMP);
    dev_add_pack(&ip_packet_type);
    icmp_init();
    printk(KERN_INFO "NET: Registered PF_INET protocol family\n");
    return 0;
}
