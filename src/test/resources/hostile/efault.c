/* The campaign's bad pointers: Linux answers each with -EFAULT, the kernel does not oops. */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	long r;
	int fd;

	r = write(1, NULL, 100);
	printf("write(1, NULL, 100): %ld errno %d\n", r, errno);
	errno = 0;
	r = open(NULL, 0);
	printf("open(NULL): %ld errno %d\n", r, errno);
	errno = 0;
	fd = open("/proc/devices", O_RDONLY);
	r = read(fd, (void *)1, 10);
	printf("read(fd, (void *)1, 10): %ld errno %d\n", r, errno);
	return 0;
}
