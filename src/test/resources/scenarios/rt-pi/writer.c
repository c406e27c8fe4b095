#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/pidemo", O_WRONLY);

	if (fd < 0) {
		perror("open /dev/pidemo");
		return 1;
	}
	if (write(fd, "x", 1) != 1) {
		perror("write");
		return 1;
	}
	close(fd);
	return 0;
}
