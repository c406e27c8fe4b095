/*
 * writer: writes to /dev/timerdemo WRITES times (default 100; each write holds the lock for
 * 5 ms). check runs it with fewer writes (-DWRITES=2).
 */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

#ifndef WRITES
#define WRITES 100
#endif

int main(void)
{
	int fd;
	int i;

	fd = open("/dev/timerdemo", O_WRONLY);
	if (fd < 0) {
		perror("open /dev/timerdemo");
		return 1;
	}
	for (i = 0; i < WRITES; i++) {
		if (write(fd, "x", 1) != 1) {
			perror("write");
			return 1;
		}
	}
	close(fd);
	printf("writer: done\n");
	return 0;
}
