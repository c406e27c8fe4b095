/* gsctl: adds a few values (one refused), reads the total, sets a label (one refused). */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/guardstat", O_RDWR);
	long r;

	if (fd < 0) {
		perror("open /dev/guardstat");
		return 1;
	}
	printf("add 5: %ld\n", (long)ioctl(fd, 1, 5));
	printf("add 7: %ld\n", (long)ioctl(fd, 1, 7));
	r = ioctl(fd, 1, 5000);
	printf("add 5000: %ld\n", r);
	printf("total: %ld\n", (long)ioctl(fd, 2, 0));
	printf("label 3: %ld\n", (long)ioctl(fd, 3, 3));
	r = ioctl(fd, 3, 0);
	printf("label 0: %ld\n", r);
	close(fd);
	usleep(200000);
	return 0;
}
