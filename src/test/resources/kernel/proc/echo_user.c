#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <errno.h>

int main(void)
{
	char back[64];
	int fd = open("/dev/echo", O_RDWR);
	long n;
	if (fd < 0) {
		perror("open");
		return 1;
	}
	write(fd, "spinlock", 8);
	n = read(fd, back, sizeof(back) - 1);
	back[n] = 0;
	printf("read %ld bytes: %s, ioctl says %d\n", n, back, ioctl(fd, 1, 0));
	if (ioctl(fd, 7, 0) < 0)
		printf("ioctl 7: errno %d\n", errno);
	{
		long set = lseek(fd, 5, SEEK_SET);
		long cur = lseek(fd, 2, SEEK_CUR);
		long end = lseek(fd, 0, SEEK_END);
		printf("lseek set %ld, cur %ld, end %ld errno %d\n", set, cur, end, errno);
	}
	if (open("/dev/nothere", O_RDONLY) < 0)
		perror("open /dev/nothere");
	close(fd);
	return 0;
}
