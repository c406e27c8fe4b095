/* ctl: one ioctl on /dev/irqlock, then a pause in which the device's interrupts arrive. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#ifndef PAUSE_US
#define PAUSE_US 500000
#endif

int main(void)
{
	int fd = open("/dev/irqlock", O_RDWR);

	if (fd < 0) {
		perror("open /dev/irqlock");
		return 1;
	}
	if (ioctl(fd, 0, 0) < 0)
		perror("ioctl");
	close(fd);
	if (PAUSE_US)
		usleep(PAUSE_US);
	return 0;
}
