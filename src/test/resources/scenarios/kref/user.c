/* Waits argv[1] seconds, opens /dev/session, writes, keeps it open for argv[2] seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd;

	sleep(atoi(argv[1]));
	fd = open("/dev/session", O_WRONLY);
	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	write(fd, "0123456789", 10);
	sleep(atoi(argv[2]));
	close(fd);
	return 0;
}
