/* Reads the configuration, then writes a new one. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char buf[32];
	long n;
	int fd = open("/dev/cfgstore", O_RDWR);

	if (fd < 0)
		return 1;
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("read '%s'\n", buf);
	n = write(fd, "mode=fast", 9);
	printf("wrote %ld\n", n);
	close(fd);
	return 0;
}
