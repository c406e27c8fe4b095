/*
 * holder: opens /proc/onlyone (argv[1] "nb": with O_NONBLOCK), writes its name, holds the file
 * for argv[2] seconds, reads it back and closes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[80];
	int flags = O_RDWR;
	int fd;
	long n;

	if (argc > 1 && !strcmp(argv[1], "nb"))
		flags |= O_NONBLOCK;
	fd = open("/proc/onlyone", flags);
	if (fd < 0) {
		perror("open /proc/onlyone");
		return 1;
	}
	write(fd, argv[0], strlen(argv[0]));
	if (argc > 2)
		sleep(atoi(argv[2]));
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("read back: %s\n", buf);
	close(fd);
	return 0;
}
