/*
 * writer: writes to /dev/rtdemo WRITES times (default 100). check runs it with fewer
 * (-DWRITES=2): two already show every interleaving with the interrupt.
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

	fd = open("/dev/rtdemo", O_WRONLY);
	if (fd < 0) {
		perror("open /dev/rtdemo");
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
