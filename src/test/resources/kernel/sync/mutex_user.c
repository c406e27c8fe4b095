#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
    int i;
    int fd = open("/dev/mutexdrv", O_RDWR);
    if (fd < 0) {
        printf("open failed\n");
        return 1;
    }
    for (i = 0; i < 5; i++)
        write(fd, "x", 1);
    close(fd);
    printf("done\n");
    return 0;
}
