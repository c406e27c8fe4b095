/* Writes a text to /dev/echo_dev and reads it back. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[40];
	int fd = open("/dev/echo_dev", O_RDWR);
	int n;

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	printf("wrote %d\n", (int)write(fd, "from two files", 14));
	n = read(fd, buf, sizeof(buf) - 1);
	if (n >= 0) {
		buf[n] = 0;
		printf("read %d: %s\n", n, buf);
	}
	close(fd);
	return 0;
}
