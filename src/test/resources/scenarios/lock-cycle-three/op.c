/* op: opens /dev/cycle and makes ioctl argv[1] once. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
	int fd = open("/dev/cycle", O_RDWR);

	if (fd < 0) {
		perror("open /dev/cycle");
		return 1;
	}
	ioctl(fd, atoi(argv[1]), 0);
	close(fd);
	return 0;
}
