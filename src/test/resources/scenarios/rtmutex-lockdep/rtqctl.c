/* Submits a command, then suspends the device. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/rtq", O_RDWR);

	if (fd < 0)
		return 1;
	printf("submit %d\n", ioctl(fd, 1, 0));
	printf("suspend %d\n", ioctl(fd, 2, 0));
	close(fd);
	return 0;
}
