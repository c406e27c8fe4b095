/* poll(2) on /dev/tick: a timeout with nothing ready, then a wait the driver's timer ends. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <poll.h>
#include <time.h>

static long ms_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void)
{
    struct pollfd pfd;
    char buf[64];
    long t0, n;
    int r;
    int fd = open("/dev/tick", O_RDWR);
    if (fd < 0) {
        printf("no /dev/tick\n");
        return 1;
    }
    pfd.fd = fd;
    pfd.events = POLLIN;
    t0 = ms_now();
    r = poll(&pfd, 1, 50);
    printf("poll with nothing armed: %d after %ld ms, revents %#x\n", r, ms_now() - t0, pfd.revents);
    write(fd, "200", 3);
    t0 = ms_now();
    r = poll(&pfd, 1, -1);
    printf("poll: %d after %ld ms, revents %#x\n", r, ms_now() - t0, pfd.revents);
    n = read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("read: %s", buf);
    pfd.events = POLLOUT;
    r = poll(&pfd, 1, 0);
    printf("poll for writing: %d, revents %#x\n", r, pfd.revents);
    close(fd);
    return 0;
}
