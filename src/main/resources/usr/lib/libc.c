/*
 * spinlab's model of the C library's system call wrappers: user programs enter the model
 * kernel through the syscall gate (do_syscall_64), as glibc does with the syscall
 * instruction. printf and the string functions are intrinsics of the simulator instead.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#define __NR_read 0
#define __NR_write 1
#define __NR_open 2
#define __NR_close 3
#define __NR_ioctl 16
#define __NR_nanosleep 35
#define __NR_getpid 39
#define __NR_exit 60
#define __NR_fork 57

long __spinlab_syscall(long nr, long a0, long a1, long a2);
int main();

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
    return syscall_ret(__spinlab_syscall(__NR_open, (long)path, flags, 0));
}

int close(int fd)
{
    return syscall_ret(__spinlab_syscall(__NR_close, fd, 0, 0));
}

long read(int fd, void *buf, unsigned long count)
{
    return syscall_ret(__spinlab_syscall(__NR_read, fd, (long)buf, count));
}

long write(int fd, const void *buf, unsigned long count)
{
    return syscall_ret(__spinlab_syscall(__NR_write, fd, (long)buf, count));
}

int ioctl(int fd, unsigned long request, unsigned long arg)
{
    return syscall_ret(__spinlab_syscall(__NR_ioctl, fd, request, arg));
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return syscall_ret(__spinlab_syscall(__NR_nanosleep, (long)req, (long)rem, 0));
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
    return syscall_ret(__spinlab_syscall(__NR_fork, 0, 0, 0));
}

int getpid(void)
{
    return __spinlab_syscall(__NR_getpid, 0, 0, 0);
}

void exit(int status)
{
    __spinlab_syscall(__NR_exit, status, 0, 0);
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

void _start(void)
{
    exit(main());
}
