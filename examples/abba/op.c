/* op: opens /dev/abba and calls ioctl command argv[1] once (1: add an item, 2: count them). */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
    int fd = open("/dev/abba", O_RDWR);
    int cmd = argc > 1 ? atoi(argv[1]) : 1;

    if (fd < 0) {
        perror("open /dev/abba");
        return 1;
    }
    printf("ioctl %d: %d\n", cmd, ioctl(fd, cmd, 0));
    close(fd);
    return 0;
}
