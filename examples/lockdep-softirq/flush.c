#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

/* check takes fewer writes (-DFLUSHES=1): each one multiplies the interleavings. */
#ifndef FLUSHES
#define FLUSHES 3
#endif

int main(void)
{
    int fd = open("/dev/ct", O_WRONLY);
    int i;
    if (fd < 0) {
        printf("open failed\n");
        return 1;
    }
    for (i = 0; i < FLUSHES; i++) {
        write(fd, "flush", 5);
        usleep(50000);
    }
    close(fd);
    printf("flushed\n");
    return 0;
}
