/* Reads the driver's attribute of blinky.0 after the interrupts. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	long n;
	int fd;

	sleep(1);
	fd = open("/sys/devices/platform/blinky.0/irqs", O_RDONLY);
	if (fd < 0) {
		printf("cannot open the irqs attribute\n");
		return 1;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("irqs: %s", buf);
	close(fd);
	return 0;
}
