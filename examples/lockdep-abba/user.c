#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
    int fd = open("/dev/abba", O_RDWR);
    int i;
    if (fd < 0) {
        printf("open failed\n");
        return 1;
    }
    for (i = 0; i < 3; i++) {
        ioctl(fd, 1, 0);
        usleep(10000);
    }
    printf("items: %d\n", ioctl(fd, 2, 0));
    close(fd);
    return 0;
}
