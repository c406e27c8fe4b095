/* update: runs the device's long update through /dev/longop. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/longop", O_RDWR);

	if (fd < 0) {
		perror("open /dev/longop");
		return 1;
	}
	if (ioctl(fd, 0, 0) < 0)
		perror("ioctl");
	else
		printf("update: done\n");
	close(fd);
	return 0;
}
