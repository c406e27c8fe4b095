/*
 * Reads the packet count through /dev/pktcount N times (argv[1], default 50), a millisecond
 * apart (asked for).
 */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <sys/ioctl.h>

#define PKTCOUNT_GET _IOR('p', 1, unsigned long)

int main(int argc, char **argv)
{
    unsigned long count = 0;
    int reads = argc > 1 ? atoi(argv[1]) : 50;
    int fd = open("/dev/pktcount", O_RDONLY);
    int i;

    if (fd < 0) {
        perror("open /dev/pktcount");
        return 1;
    }
    for (i = 0; i < reads; i++) {
        if (ioctl(fd, PKTCOUNT_GET, (unsigned long)&count) < 0) {
            perror("ioctl");
            return 1;
        }
        usleep(1000);
    }
    printf("%d reads, %lu packets seen in PRE_ROUTING\n", reads, count);
    close(fd);
    return 0;
}
