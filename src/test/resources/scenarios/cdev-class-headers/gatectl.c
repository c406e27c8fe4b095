/* "r": read /dev/gate twice (two passes through the gate); "w": open the gate once. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char c;
	int fd = open("/dev/gate", O_RDWR);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	if (argv[1][0] == 'r') {
		printf("first read %d\n", (int)read(fd, &c, 1));
		printf("second read %d\n", (int)read(fd, &c, 1));
	} else {
		printf("write %d\n", (int)write(fd, "x", 1));
	}
	close(fd);
	return 0;
}
