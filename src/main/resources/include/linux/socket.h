/* spinlab's model of <linux/socket.h>: address families and message headers. */
#ifndef _SPINLAB_LINUX_SOCKET_H
#define _SPINLAB_LINUX_SOCKET_H

#include <linux/compiler.h>
#include <linux/types.h>

#define AF_UNSPEC 0
#define AF_INET 2
#define PF_INET AF_INET

#define SOL_SOCKET 1
#define SO_RCVTIMEO 20          /* SO_RCVTIMEO_OLD: struct timeval */

#define MSG_DONTWAIT 0x40

struct sockaddr {
    unsigned short sa_family;
    char sa_data[14];
};

/* One user buffer instead of an iov_iter: all the model's calls send and receive one buffer. */
struct msghdr {
    void *msg_name;
    int msg_namelen;
    void __user *msg_buf;
    size_t msg_len;
    unsigned int msg_flags;
};

#endif
