/* Reads the packet count through /dev/pktcount 50 times, a millisecond apart (asked for). */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define PKTCOUNT_GET _IOR('p', 1, unsigned long)

int main(void)
{
    unsigned long count = 0;
    int fd = open("/dev/pktcount", O_RDONLY);
    int i;

    if (fd < 0) {
        perror("open /dev/pktcount");
        return 1;
    }
    for (i = 0; i < 50; i++) {
        if (ioctl(fd, PKTCOUNT_GET, (unsigned long)&count) < 0) {
            perror("ioctl");
            return 1;
        }
        usleep(1000);
    }
    printf("50 reads, %lu packets seen in PRE_ROUTING\n", count);
    close(fd);
    return 0;
}
