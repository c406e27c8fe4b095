/* writer of /dev/rwdemo, 20 times */
#define WRITER 1
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char c;
	int i;
	int fd = open("/dev/rwdemo", O_RDWR);

	if (fd < 0) {
		perror("open /dev/rwdemo");
		return 1;
	}
	for (i = 0; i < 20; i++) {
#ifdef WRITER
		write(fd, "x", 1);
#else
		read(fd, &c, 1);
#endif
	}
	close(fd);
	return 0;
}
