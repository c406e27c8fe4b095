/* flush: flushes /dev/sampler three times, with pauses in which the device's interrupts arrive. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#ifndef ROUNDS
#define ROUNDS 3
#endif
#ifndef PAUSE_US
#define PAUSE_US 100000
#endif

int main(void)
{
	int fd = open("/dev/sampler", O_RDWR);

	if (fd < 0) {
		perror("open /dev/sampler");
		return 1;
	}
	for (int i = 0; i < ROUNDS; i++) {
		if (ioctl(fd, 0, 0) < 0)
			perror("ioctl");
		if (PAUSE_US)
			usleep(PAUSE_US);
	}
	close(fd);
	return 0;
}
