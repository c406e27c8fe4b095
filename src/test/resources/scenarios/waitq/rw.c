/* reader: read once (argv[1] is the mode byte); writer: write twice, a second apart. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[4] = "r";
	int fd = open("/dev/sleepy", O_RDWR);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	if (!strcmp(argv[1], "write")) {
		sleep(1);
		write(fd, "x", 1);
		sleep(1);
		write(fd, "x", 1);
	} else {
		buf[0] = argv[1][0];
		printf("read returned %ld\n", read(fd, buf, 1));
	}
	close(fd);
	return 0;
}
