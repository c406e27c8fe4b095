/* argv[1] "w": writes argv[2] to /dev/cfgdev; "r": waits argv[2] ms, then reads it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[32];
	long n;
	int fd = open("/dev/cfgdev", O_RDWR);

	if (fd < 0 || argc < 3)
		return 1;
	if (argv[1][0] == 'w') {
		n = write(fd, argv[2], strlen(argv[2]));
		printf("wrote %ld\n", n);
	} else {
		usleep(atoi(argv[2]) * 1000);
		n = read(fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		printf("read '%s'\n", buf);
	}
	close(fd);
	return 0;
}
