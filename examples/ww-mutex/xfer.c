/* xfer: opens /dev/wwbuf and calls ioctl argv[1] once (1: A -> B, 2: B -> A); exits with the back-offs it needed. */
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
    int fd = open("/dev/wwbuf", O_RDWR);

    if (fd < 0)
        return 100;
    return ioctl(fd, atoi(argv[1]), 0);
}
