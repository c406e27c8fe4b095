/* Pings /dev/watchdog twice, reads the card's status, and closes it. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define WDIOC_GETSTATUS 0x80045701

int main(void)
{
	int status = -1;
	int fd = open("/dev/watchdog", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	write(fd, "x", 1);
	write(fd, "x", 1);
	if (ioctl(fd, WDIOC_GETSTATUS, (unsigned long)&status) == 0)
		printf("status %#x\n", status);
	close(fd);
	return 0;
}
