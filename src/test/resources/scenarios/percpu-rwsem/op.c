/* op: opens /dev/pcfg and calls ioctl command argv[1] with argument 7 (1: read, sleeping 7 ms
 * inside the read side; 2: write 7). */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
	int cmd = argc > 1 ? atoi(argv[1]) : 1;
	int fd = open("/dev/pcfg", O_RDWR);

	if (fd < 0)
		return 1;
	printf("ioctl %d: %d\n", cmd, ioctl(fd, cmd, 7));
	close(fd);
	return 0;
}
