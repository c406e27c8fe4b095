/* Reads /proc/irqcount once, after the interrupts have come. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	int fd;
	int n;

	sleep(1);
	fd = open("/proc/irqcount", O_RDONLY);
	if (fd < 0) {
		printf("no /proc/irqcount\n");
		return 1;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n > 0) {
		buf[n] = 0;
		printf("%s", buf);
	}
	close(fd);
	return 0;
}
