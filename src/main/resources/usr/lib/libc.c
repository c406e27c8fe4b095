/*
 * spinlab's model of the C library's system call wrappers: user programs enter the model
 * kernel through the syscall gate (do_syscall_64), as glibc does with the syscall
 * instruction. printf and the string functions are intrinsics of the simulator instead.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <asm/unistd.h>

/* The syscall instruction: number and six argument registers. */
long __spinlab_syscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
int main();
/* Set by the machine when the program's main() takes (argc, argv). */
int __spinlab_main_has_args;

int errno;

static long syscall_ret(long r)
{
    if (r < 0 && r > -4096) {
        errno = -r;
        return -1;
    }
    return r;
}

int open(const char *path, int flags)
{
    return syscall_ret(__spinlab_syscall(__NR_open, (long)path, flags, 0, 0, 0, 0));
}

/* glibc's mknod: the kernel takes the device number in its 32-bit encoding (new_encode_dev) */
int mknod(const char *path, unsigned int mode, unsigned long dev)
{
    unsigned int major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffU);
    unsigned int minor = (dev & 0xff) | ((dev >> 12) & ~0xffU);
    unsigned int kdev = (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
    return syscall_ret(__spinlab_syscall(__NR_mknod, (long)path, mode, kdev, 0, 0, 0));
}

struct pollfd;

int poll(struct pollfd *fds, unsigned long nfds, int timeout)
{
    return syscall_ret(__spinlab_syscall(__NR_poll, (long)fds, nfds, timeout, 0, 0, 0));
}

int close(int fd)
{
    return syscall_ret(__spinlab_syscall(__NR_close, fd, 0, 0, 0, 0, 0));
}

long read(int fd, void *buf, unsigned long count)
{
    return syscall_ret(__spinlab_syscall(__NR_read, fd, (long)buf, count, 0, 0, 0));
}

long write(int fd, const void *buf, unsigned long count)
{
    return syscall_ret(__spinlab_syscall(__NR_write, fd, (long)buf, count, 0, 0, 0));
}

long lseek(int fd, long offset, int whence)
{
    return syscall_ret(__spinlab_syscall(__NR_lseek, fd, offset, whence, 0, 0, 0));
}

int ioctl(int fd, unsigned long request, unsigned long arg)
{
    return syscall_ret(__spinlab_syscall(__NR_ioctl, fd, request, arg, 0, 0, 0));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return syscall_ret(__spinlab_syscall(__NR_nanosleep, (long)req, (long)rem, 0, 0, 0, 0));
}

unsigned int sleep(unsigned int seconds)
{
    struct timespec ts;
    ts.tv_sec = seconds;
    ts.tv_nsec = 0;
    nanosleep(&ts, NULL);
    return 0;
}

int usleep(unsigned long usec)
{
    struct timespec ts;
    ts.tv_sec = usec / 1000000;
    ts.tv_nsec = (usec % 1000000) * 1000;
    return nanosleep(&ts, NULL);
}

int fork(void)
{
    return syscall_ret(__spinlab_syscall(__NR_fork, 0, 0, 0, 0, 0, 0));
}

int getpid(void)
{
    return __spinlab_syscall(__NR_getpid, 0, 0, 0, 0, 0, 0);
}

void exit(int status)
{
    __spinlab_syscall(__NR_exit, status, 0, 0, 0, 0, 0);
}

static const char *const errno_names[] = {
    "Success", "Operation not permitted", "No such file or directory", "No such process",
    "Interrupted system call", "Input/output error", "No such device or address",
    "Argument list too long", "Exec format error", "Bad file descriptor", "No child processes",
    "Resource temporarily unavailable", "Cannot allocate memory", "Permission denied",
    "Bad address", "Block device required", "Device or resource busy", "File exists",
    "Invalid cross-device link", "No such device", "Not a directory", "Is a directory",
    "Invalid argument", "Too many open files in system", "Too many open files",
    "Inappropriate ioctl for device"
};

void perror(const char *s)
{
    const char *msg = errno >= 0 && errno < 26 ? errno_names[errno] : "Unknown error";
    if (s && *s)
        printf("%s: %s\n", s, msg);
    else
        printf("%s\n", msg);
}

int clock_gettime(clockid_t clk, struct timespec *tp)
{
    return syscall_ret(__spinlab_syscall(__NR_clock_gettime, clk, (long)tp, 0, 0, 0, 0));
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
    return syscall_ret(__spinlab_syscall(__NR_gettimeofday, (long)tv, (long)tz, 0, 0, 0, 0));
}

int socket(int domain, int type, int protocol)
{
    return syscall_ret(__spinlab_syscall(__NR_socket, domain, type, protocol, 0, 0, 0));
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr, socklen_t addrlen)
{
    return syscall_ret(__spinlab_syscall(__NR_sendto, fd, (long)buf, len, flags, (long)addr, addrlen));
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *addr, socklen_t *addrlen)
{
    return syscall_ret(__spinlab_syscall(__NR_recvfrom, fd, (long)buf, len, flags, (long)addr, (long)addrlen));
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
    return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
    return recvfrom(fd, buf, len, flags, NULL, NULL);
}

int setsockopt(int fd, int level, int optname, const void *optval, socklen_t optlen)
{
    return syscall_ret(__spinlab_syscall(__NR_setsockopt, fd, level, optname, (long)optval, optlen, 0));
}

uint16_t htons(uint16_t x)
{
    return (uint16_t)((x << 8) | (x >> 8));
}

uint16_t ntohs(uint16_t x)
{
    return htons(x);
}

uint32_t htonl(uint32_t x)
{
    return ((x & 0xffU) << 24) | ((x & 0xff00U) << 8) | ((x >> 8) & 0xff00U) | (x >> 24);
}

uint32_t ntohl(uint32_t x)
{
    return htonl(x);
}

int inet_aton(const char *cp, struct in_addr *inp)
{
    unsigned long parts[4];
    int n = 0;
    while (n < 4) {
        unsigned long v = 0;
        int digits = 0;
        while (*cp >= '0' && *cp <= '9') {
            v = v * 10 + (*cp - '0');
            cp++;
            digits++;
            if (v > 255)
                return 0;
        }
        if (!digits)
            return 0;
        parts[n++] = v;
        if (*cp == '.' && n < 4) {
            cp++;
            continue;
        }
        break;
    }
    if (n != 4 || *cp != 0)
        return 0;
    inp->s_addr = htonl((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]);
    return 1;
}

in_addr_t inet_addr(const char *cp)
{
    struct in_addr a;
    if (!inet_aton(cp, &a))
        return INADDR_NONE;
    return a.s_addr;
}

int inet_pton(int af, const char *src, void *dst)
{
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    return inet_aton(src, (struct in_addr *)dst);
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
    const unsigned char *b = src;
    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    snprintf(dst, size, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    return dst;
}

void _start(int argc, char **argv)
{
    if (__spinlab_main_has_args)
        exit(main(argc, argv));
    exit(main());
}
