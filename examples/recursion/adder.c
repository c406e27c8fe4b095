/* adder: three ioctl(RECDEMO_ADD) calls on /dev/recdemo. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define RECDEMO_ADD _IO('r', 1)

int main(void)
{
	int fd;
	int i;

	fd = open("/dev/recdemo", O_RDWR);
	if (fd < 0) {
		perror("open /dev/recdemo");
		return 1;
	}
	for (i = 0; i < 3; i++) {
		if (ioctl(fd, RECDEMO_ADD) < 0) {
			perror("ioctl");
			return 1;
		}
		printf("adder: added %d\n", i + 1);
	}
	close(fd);
	return 0;
}
