/* reset: resets the device through /dev/rdypoll: commands 0 and 1, or 2 when built -DUNDER_LOCK. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/rdypoll", O_RDWR);

	if (fd < 0) {
		perror("open /dev/rdypoll");
		return 1;
	}
#ifdef UNDER_LOCK
	printf("reset 2: %d\n", ioctl(fd, 2, 0));
#else
	printf("reset 0: %d\n", ioctl(fd, 0, 0));
	printf("reset 1: %d\n", ioctl(fd, 1, 0));
#endif
	close(fd);
	return 0;
}
