/* reset: resets the statistics once through /dev/stats. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/stats", O_WRONLY);

	if (fd < 0) {
		perror("open /dev/stats");
		return 1;
	}
	if (write(fd, "0", 1) != 1) {
		perror("write");
		return 1;
	}
	close(fd);
	printf("reset: done\n");
	return 0;
}
