/* writer: writes to /dev/irqdemo 100 times (each write holds dev_lock for 5 ms). */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd;
	int i;

	fd = open("/dev/irqdemo", O_WRONLY);
	if (fd < 0) {
		perror("open /dev/irqdemo");
		return 1;
	}
	for (i = 0; i < 100; i++) {
		if (write(fd, "x", 1) != 1) {
			perror("write");
			return 1;
		}
	}
	close(fd);
	printf("writer: done\n");
	return 0;
}
