/* spinlab's model of <linux/net.h>: the BSD socket layer's struct socket and its operations. */
#ifndef _SPINLAB_LINUX_NET_H
#define _SPINLAB_LINUX_NET_H

#include <linux/types.h>
#include <linux/socket.h>

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3

struct sock;
struct socket;
struct file;

struct proto_ops {
    int family;
    int (*release)(struct socket *sock);
    int (*sendmsg)(struct socket *sock, struct msghdr *m, size_t total_len);
    int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t total_len, int flags);
};

struct socket {
    short type;
    struct sock *sk;
    struct file *file;
    const struct proto_ops *ops;
};

int sock_sendmsg(struct socket *sock, struct msghdr *msg);
int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags);

#endif
