/* Logs two messages after the ticks, then reads the log back one message per read(). */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	int fd = open("/dev/msglog", O_RDWR);
	int n;

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	usleep(200000);		/* the three ticks are logged by then */
	write(fd, "hello", 5);
	write(fd, "a longer message", 16);
	n = read(fd, buf, 4);	/* the first tick, cut to 4 bytes */
	printf("read %d: %.*s\n", n, n, buf);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		printf("read %d: %.*s\n", n, n, buf);
	printf("log empty: read returned %d\n", n);
	close(fd);
	return 0;
}
