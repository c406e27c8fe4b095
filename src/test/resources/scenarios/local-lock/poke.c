/* Pokes the device once. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/pcpustat", O_RDWR);

	if (fd < 0)
		return 1;
	printf("ioctl %d\n", ioctl(fd, 1, 42));
	close(fd);
	return 0;
}
