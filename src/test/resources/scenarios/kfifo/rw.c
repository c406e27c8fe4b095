/* A reader that waits for data, then a writer that offers more than the FIFO holds. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[32];
	long n;
	int fd = open("/dev/fifo", O_RDWR);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	if (argc > 1 && !strcmp(argv[1], "reader")) {
		n = read(fd, buf, 6);
		buf[n > 0 ? n : 0] = 0;
		printf("read %ld: %s\n", n, buf);
		n = read(fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = 0;
		printf("read %ld: %s\n", n, buf);
	} else {
		sleep(1);
		printf("write %ld\n", write(fd, "hello, kernel fifo!", 19));
	}
	close(fd);
	return 0;
}
