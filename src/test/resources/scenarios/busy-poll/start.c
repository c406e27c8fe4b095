/* start: starts the device through /dev/pollwait and reports when it is ready. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/pollwait", O_RDWR);

	if (fd < 0) {
		perror("open /dev/pollwait");
		return 1;
	}
	if (ioctl(fd, 0, 0) < 0)
		perror("ioctl");
	else
		printf("start: device ready\n");
	close(fd);
	return 0;
}
