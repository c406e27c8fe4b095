/*
 * spinlab's model of net/socket.c: the BSD socket system calls. As in the kernel, the
 * syscall entry __x64_sys_sendto() calls __sys_sendto(), which finds the socket behind the
 * file descriptor and calls sock_sendmsg() -> sock_sendmsg_nosec() -> the family's sendmsg
 * (inet_sendmsg). Addresses are copied into a kernel buffer first (move_addr_to_kernel),
 * as the kernel does. A message is one user buffer (no iovec).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <net/sock.h>
#include <net/net_namespace.h>

#define MAX_SOCK_ADDR 128

int inet_create(struct net *net, struct socket *sock, int protocol);
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
struct file *fget(unsigned int fd);

static int sock_close(struct inode *inode, struct file *filp)
{
    struct socket *sock = filp->private_data;
    if (sock->ops)
        sock->ops->release(sock);
    sock->file = NULL;
    kfree(sock);
    return 0;
}

static const struct file_operations socket_file_ops = {
    .release = sock_close,
};

static struct socket *sockfd_lookup(int fd, int *err)
{
    struct file *file = fget(fd);
    if (!file) {
        *err = -EBADF;
        return NULL;
    }
    if (file->f_op != &socket_file_ops) {
        *err = -ENOTSOCK;
        return NULL;
    }
    return file->private_data;
}

static int move_addr_to_kernel(void __user *uaddr, int ulen, void *kaddr)
{
    if (ulen < 0 || ulen > MAX_SOCK_ADDR)
        return -EINVAL;
    if (ulen == 0)
        return 0;
    if (copy_from_user(kaddr, uaddr, ulen))
        return -EFAULT;
    return 0;
}

/* net/socket.c move_addr_to_user(): the length comes in and goes out through user memory. */
static int move_addr_to_user(void *kaddr, int klen, void __user *uaddr, int __user *ulen)
{
    int len;
    int err = get_user(len, ulen);
    if (err)
        return err;
    if (len > klen)
        len = klen;
    if (len < 0)
        return -EINVAL;
    if (len && copy_to_user(uaddr, kaddr, len))
        return -EFAULT;
    return __put_user(klen, ulen);   /* "fromlen shall refer to the value before truncation" */
}

int __sys_socket(int family, int type, int protocol)
{
    struct socket *sock;
    struct file *file;
    int err;
    int fd;

    if (family != AF_INET)
        return -EAFNOSUPPORT;
    sock = kzalloc(sizeof(*sock), GFP_KERNEL);
    sock->type = type;
    err = inet_create(&init_net, sock, protocol);
    if (err) {
        kfree(sock);
        return err;
    }
    fd = get_unused_fd_flags(0);
    if (fd < 0) {
        sock->ops->release(sock);
        kfree(sock);
        return fd;
    }
    file = kzalloc(sizeof(*file), GFP_KERNEL);
    file->f_inode = kzalloc(sizeof(struct inode), GFP_KERNEL);
    file->f_op = &socket_file_ops;
    file->private_data = sock;
    sock->file = file;
    fd_install(fd, file);
    return fd;
}

static int sock_sendmsg_nosec(struct socket *sock, struct msghdr *msg)
{
    return sock->ops->sendmsg(sock, msg, msg->msg_len);
}

int sock_sendmsg(struct socket *sock, struct msghdr *msg)
{
    /* security_socket_sendmsg() would be here */
    return sock_sendmsg_nosec(sock, msg);
}

int sock_recvmsg(struct socket *sock, struct msghdr *msg, int flags)
{
    return sock->ops->recvmsg(sock, msg, msg->msg_len, flags);
}

int __sys_sendto(int fd, void __user *buff, size_t len, unsigned int flags,
                 struct sockaddr __user *addr, int addr_len)
{
    char address[MAX_SOCK_ADDR];
    struct socket *sock;
    struct msghdr msg;
    int err;

    sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    memset(&msg, 0, sizeof(msg));
    msg.msg_buf = buff;
    msg.msg_len = len;
    if (addr) {
        err = move_addr_to_kernel(addr, addr_len, address);
        if (err < 0)
            return err;
        msg.msg_name = address;
        msg.msg_namelen = addr_len;
    }
    msg.msg_flags = flags;
    return sock_sendmsg(sock, &msg);
}

int __sys_recvfrom(int fd, void __user *ubuf, size_t size, unsigned int flags,
                   struct sockaddr __user *addr, int __user *addr_len)
{
    char address[MAX_SOCK_ADDR];
    struct socket *sock;
    struct msghdr msg;
    int err;
    int err2;

    sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    memset(&msg, 0, sizeof(msg));
    msg.msg_buf = ubuf;
    msg.msg_len = size;
    msg.msg_name = addr ? address : NULL;
    err = sock_recvmsg(sock, &msg, flags);
    if (err >= 0 && addr != NULL) {
        err2 = move_addr_to_user(address, msg.msg_namelen, addr, addr_len);
        if (err2 < 0)
            err = err2;
    }
    return err;
}

struct __kernel_old_timeval {
    long tv_sec;
    long tv_usec;
};

int __sys_setsockopt(int fd, int level, int optname, char __user *optval, int optlen)
{
    struct socket *sock;
    struct __kernel_old_timeval tv;
    int err;

    sock = sockfd_lookup(fd, &err);
    if (!sock)
        return err;
    if (level != SOL_SOCKET || optname != SO_RCVTIMEO)
        return -ENOPROTOOPT;
    if (optlen < sizeof(tv))
        return -EINVAL;
    if (copy_from_user(&tv, optval, sizeof(tv)))
        return -EFAULT;
    if (tv.tv_sec == 0 && tv.tv_usec == 0)
        sock->sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
    else
        sock->sk->sk_rcvtimeo = tv.tv_sec * HZ + DIV_ROUND_UP(tv.tv_usec, 1000000 / HZ);
    return 0;
}

long __x64_sys_socket(long family, long type, long protocol)
{
    return __sys_socket(family, type, protocol);
}

long __x64_sys_sendto(long fd, long buff, long len, long flags, long addr, long addr_len)
{
    return __sys_sendto(fd, (void *)buff, len, flags, (struct sockaddr *)addr, addr_len);
}

long __x64_sys_recvfrom(long fd, long ubuf, long size, long flags, long addr, long addr_len)
{
    return __sys_recvfrom(fd, (void *)ubuf, size, flags, (struct sockaddr *)addr, (int *)addr_len);
}

long __x64_sys_setsockopt(long fd, long level, long optname, long optval, long optlen)
{
    return __sys_setsockopt(fd, level, optname, (char *)optval, optlen);
}
