/* Sends events to /dev/evchain: numbers written, then ioctls through the blocking chain. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <errno.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/evchain", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	usleep(200000);		/* after the timer's tick */
	write(fd, "5", 1);
	write(fd, "42", 2);
	if (ioctl(fd, 0, 3) == 0)
		printf("ioctl 3: accepted\n");
	if (ioctl(fd, 0, 300) < 0)
		printf("ioctl 300: refused, errno %d\n", errno);
	close(fd);
	return 0;
}
