/* Writes to /dev/pcpu every 20 ms for a second, then closes it (the driver prints the sums). */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int i;
	int fd = open("/dev/pcpu", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	for (i = 0; i < 50; i++) {
		write(fd, "x", 1);
		usleep(20000);
	}
	close(fd);
	return 0;
}
