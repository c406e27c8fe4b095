/* Starts the device's timer and waits for it. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/waitctx", O_RDWR);

	if (fd < 0)
		return 1;
	printf("ioctl %d\n", ioctl(fd, 1, 0));
	usleep(20000);
	close(fd);
	return 0;
}
